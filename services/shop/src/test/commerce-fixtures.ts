/** Helpers for commerce tests: typed envelopes and handler delivery inside a transaction. */
import type { EventData, EventDefinition, TypedEnvelope } from '@sauda/contracts';
import { withTransaction, type Db, type EventLogger, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';

/** An envelope as a consumer receives it. */
export function envelope<E extends EventDefinition>(def: E, data: EventData<E>): TypedEnvelope<E> {
  return {
    id: uuidv7(),
    type: def.type,
    occurredAt: new Date().toISOString(),
    source: 'test',
    data,
    headers: {},
  };
}

/** Runs a handler the way the kit's consumer does: in one transaction. */
export async function deliver<E extends EventDefinition>(
  db: Db,
  handler: (event: TypedEnvelope<E>, tx: Tx) => Promise<void>,
  event: TypedEnvelope<E>,
): Promise<void> {
  await withTransaction(db, (tx) => handler(event, tx));
}

/** A logger that keeps warnings so tests can read them. */
export function recordingLogger(): EventLogger & { warnings: unknown[] } {
  const warnings: unknown[] = [];
  const logger = {
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (obj: unknown) => void warnings.push(obj),
    error: () => undefined,
    child: () => logger,
  };
  return logger;
}

/** A placed-order event for these demo-style lines. */
export function placed(
  orderId: string,
  customerId: string,
  lines: Array<{ variantId: string; productId: string; sellerId: string }>,
  promoCodes: string[] = [],
) {
  return {
    orderId,
    orderNumber: 'SD-TEST-0001',
    customerId,
    placedAt: new Date().toISOString(),
    shippingAddress: { countryCode: 'KZ', city: 'Almaty', line1: 'Abay 1', lat: 43.24, lng: 76.9 },
    lines: lines.map((l) => ({ lineId: uuidv7(), ...l, sku: 'SKU', title: 'Item', quantity: 1 })),
    promoCodes,
  };
}
