/** The adapter of the simulated national post: its codes mapped to ours, its webhooks and its polling. */
import type { TrackingCode } from '@sauda/contracts';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { WebhookPayloadInvalid } from '../errors.ts';
import type { CarrierAdapter, CarrierUpdate } from './carrier.ts';
import { KazPostSim, type KazPostEvent } from './kazpost-sim.ts';
import { verifyBody } from './signature.ts';

/** The post's codes we understand. */
export const KAZPOST_CODES: Readonly<Record<string, TrackingCode>> = {
  PRM: 'accepted',
  SRT: 'arrived',
  TRN: 'departed',
  ARR: 'arrived',
  OFD: 'out_for_delivery',
  NDL: 'delivery_failed',
  PCK: 'available_for_pickup',
  DLV: 'delivered',
  RTS: 'return_initiated',
  LST: 'lost',
};

const Webhook = Type.Object({
  events: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1 }),
      barcode: Type.String({ minLength: 1 }),
      code: Type.String({ minLength: 1 }),
      message: Type.String(),
      at: Type.String({ minLength: 1 }),
      city: Type.String(),
    }),
  ),
});

function toUpdate(event: KazPostEvent): CarrierUpdate {
  return {
    externalId: event.id,
    trackingNumber: event.barcode,
    code: event.code,
    message: event.message,
    occurredAt: new Date(event.at),
    timeZone: 'Asia/Almaty',
    city: event.city || null,
    raw: event,
  };
}

/** The KazPost sim adapter; `sim` is the fake post it talks to. */
export function kazpostAdapter(options: { secret: string; sim?: KazPostSim }): CarrierAdapter {
  const sim = options.sim ?? new KazPostSim();
  return {
    name: 'kazpost',
    title: 'KazPost',
    handOver: (parcel, at) => Promise.resolve(sim.register(parcel.trackingNumber, parcel.city, at)),
    verifyWebhook: (body, signature) => verifyBody(body, signature, options.secret),
    parseWebhook(body) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new WebhookPayloadInvalid('not JSON');
      }
      if (!Value.Check(Webhook, parsed)) throw new WebhookPayloadInvalid('not a KazPost events body');
      const updates = parsed.events.map(toUpdate);
      if (updates.some((update) => Number.isNaN(update.occurredAt.getTime())))
        throw new WebhookPayloadInvalid('an event time is not a date');
      return updates;
    },
    poll: (ref, now) => Promise.resolve(sim.track(ref, now).map(toUpdate)),
    mapCode: (code) => KAZPOST_CODES[code] ?? null,
  };
}
