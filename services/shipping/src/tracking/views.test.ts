import { describe, expect, it } from 'vitest';
import type { Shipment } from '../data/shipments-repo.ts';
import { isLate } from './views.ts';

const now = new Date('2026-11-21T06:00:00Z'); // 11:00 in Almaty
const shipment = (over: Partial<Shipment>): Shipment =>
  ({
    kind: 'outbound',
    status: 'in_transit',
    promisedDate: '2026-11-20',
    statusAt: now,
    ...over,
  }) as Shipment;

describe('lateness', () => {
  it.each([
    ['still travelling after its day', {}, true],
    ['travelling, due today', { promisedDate: '2026-11-21' }, false],
    ['delivered after its day', { status: 'delivered' }, true],
    ['delivered on its day', { status: 'delivered', statusAt: new Date('2026-11-20T18:30:00Z') }, false],
    ['an outbound parcel going back to its sender', { status: 'return_initiated' }, false],
    ['an outbound parcel back at the depot', { status: 'returned_to_sender' }, false],
    ['a customer return received after its day', { kind: 'return', status: 'returned_to_sender' }, true],
    ['cancelled', { status: 'cancelled' }, false],
  ] as const)('%s → %s', (_, over, late) => {
    expect(isLate(shipment(over as Partial<Shipment>), now)).toBe(late);
  });
});
