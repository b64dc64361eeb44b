/**
 * "KazPost sim": a simulated national post, run in-process so a parcel can leave our network in every
 * environment. Its API is stateless: the reference it returns encodes the hand-over, and a parcel's
 * history is a fixed script played against the clock. It also signs the webhooks it would push.
 */
import { signBody } from './signature.ts';

/** One event as the post reports it. */
export interface KazPostEvent {
  id: string;
  barcode: string;
  code: string;
  message: string;
  at: string;
  city: string;
}

/** The post's whole webhook body. */
export interface KazPostWebhook {
  events: KazPostEvent[];
}

const HOUR = 3_600_000;
const HUB = 'Almaty';

// The post's own codes, including one (WGH) our mapping does not know: it must show raw and change nothing.
const SCRIPT = [
  { afterH: 0, code: 'PRM', message: 'Accepted at the post office', at: 'hub' },
  { afterH: 3, code: 'SRT', message: 'Sorted at the postal hub', at: 'hub' },
  { afterH: 5, code: 'WGH', message: 'Reweighed for the tariff check', at: 'hub' },
  { afterH: 20, code: 'TRN', message: 'Left the postal hub for the destination', at: 'hub' },
  { afterH: 44, code: 'ARR', message: 'Arrived at the destination post office', at: 'destination' },
  { afterH: 46, code: 'OFD', message: 'Out for delivery with the postman', at: 'destination' },
  { afterH: 50, code: 'DLV', message: 'Delivered to the addressee', at: 'destination' },
] as const;

/** The simulated post's API. */
export class KazPostSim {
  /** Takes a parcel over; the answer is the post's reference. */
  register(barcode: string, city: string, at: Date): string {
    return `${barcode}:${Math.floor(at.getTime() / 1000)}:${encodeURIComponent(city)}`;
  }

  /** Everything that happened to a parcel by `now`, oldest first. */
  track(ref: string, now: Date): KazPostEvent[] {
    const [barcode = '', seconds = '0', city = ''] = ref.split(':');
    const start = Number(seconds) * 1000;
    return SCRIPT.filter((step) => start + step.afterH * HOUR <= now.getTime()).map((step) => ({
      id: `${barcode}-${step.code}`,
      barcode,
      code: step.code,
      message: step.message,
      at: new Date(start + step.afterH * HOUR).toISOString(),
      city: step.at === 'hub' ? HUB : decodeURIComponent(city),
    }));
  }

  /** The signed webhook the post would push for `events`. */
  webhook(events: KazPostEvent[], secret: string, atSeconds?: number): { body: string; signature: string } {
    const body = JSON.stringify({ events } satisfies KazPostWebhook);
    return { body, signature: signBody(body, secret, atSeconds) };
  }
}
