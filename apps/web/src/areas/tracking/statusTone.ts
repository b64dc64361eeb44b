/** How a status looks: its colour family in badges and the timeline. */
import type { ShipmentStatus } from '@sauda/contracts';

export type Tone = 'done' | 'moving' | 'warn' | 'bad' | 'back';

const TONES: Record<ShipmentStatus, Tone> = {
  label_created: 'moving',
  accepted: 'moving',
  in_transit: 'moving',
  out_for_delivery: 'moving',
  available_for_pickup: 'moving',
  delivered: 'done',
  delivery_failed: 'warn',
  exception: 'warn',
  return_initiated: 'back',
  return_in_transit: 'back',
  returned_to_sender: 'back',
  cancelled: 'bad',
  lost: 'bad',
};

/** The tone of a status. */
export const toneOf = (status: ShipmentStatus): Tone => TONES[status];
