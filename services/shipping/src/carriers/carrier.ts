/**
 * The carrier adapter interface: how a parcel leaves our network. An adapter takes parcels over, receives
 * signed webhooks, can be polled when a webhook is lost, and maps the carrier's codes to ours; a code it
 * does not know is kept raw and changes no status.
 */
import type { TrackingCode } from '@sauda/contracts';

/** One status report of a carrier, in the carrier's own words. */
export interface CarrierUpdate {
  /** The carrier's id of this report (the log deduplicates on it). */
  externalId: string;
  /** Our tracking number (S10 numbers are the postal standard: carriers keep them). */
  trackingNumber: string;
  code: string;
  message: string;
  occurredAt: Date;
  timeZone: string;
  city: string | null;
  raw: unknown;
}

/** A carrier. */
export interface CarrierAdapter {
  readonly name: string;
  /** The carrier's display name in timelines. */
  readonly title: string;
  /** Hands a parcel over; answers the carrier's reference for it. */
  handOver(parcel: { trackingNumber: string; city: string; weightGrams: number }, at: Date): Promise<string>;
  /** Throws WEBHOOK_SIGNATURE_INVALID unless the body is signed by the carrier. */
  verifyWebhook(body: string, signature: string | undefined): void;
  /** The updates a webhook carries; throws WEBHOOK_PAYLOAD_INVALID for a body of another shape. */
  parseWebhook(body: string): CarrierUpdate[];
  /** Every update the carrier has for a parcel so far (the fallback when webhooks are lost). */
  poll(carrierRef: string, now: Date): Promise<CarrierUpdate[]>;
  /** Our code for theirs, or null when we do not know it. */
  mapCode(code: string): TrackingCode | null;
}

/** The carriers this deployment works with, by name. */
export type CarrierRegistry = ReadonlyMap<string, CarrierAdapter>;
