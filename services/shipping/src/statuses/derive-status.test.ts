import type { ShipmentStatus } from '@sauda/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusEvent } from './derive-status.ts';
import { canMove, TRANSITIONS } from './transitions.ts';

const STATUSES = Object.keys(TRANSITIONS) as ShipmentStatus[];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute));
const ev = (id: string, status: ShipmentStatus | null, minute: number): StatusEvent => ({
  id,
  status,
  occurredAt: at(minute),
});

describe('deriving the status from the tracking log', () => {
  it('walks the transitions table: a newer event moves the status exactly where the table allows', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        if (from === to) continue;
        const derived = deriveStatus([ev('a', from, 1), ev('b', to, 2)])?.status;
        expect({ from, to, moved: derived === to }).toEqual({ from, to, moved: canMove(from, to) });
      }
    }
  });

  it('a sorting-centre scan that arrives after the driver left does not take the parcel back', () => {
    const log = [ev('1', 'label_created', 0), ev('3', 'out_for_delivery', 30), ev('2', 'in_transit', 10)];
    expect(deriveStatus(log)?.status).toBe('out_for_delivery');
  });

  it('a second attempt after a failed one is out for delivery again, and its failure shows', () => {
    const day1 = [ev('1', 'out_for_delivery', 0), ev('2', 'delivery_failed', 5)];
    expect(deriveStatus([...day1, ev('3', 'out_for_delivery', 50)])?.status).toBe('out_for_delivery');
    expect(deriveStatus([...day1, ev('3', 'out_for_delivery', 50), ev('4', 'delivery_failed', 55)])?.id).toBe(
      '4',
    );
  });

  it('delivered stays delivered whatever arrives later; an exception holds only until the next move', () => {
    expect(deriveStatus([ev('1', 'delivered', 5), ev('2', 'in_transit', 9)])?.status).toBe('delivered');
    expect(deriveStatus([ev('1', 'in_transit', 5), ev('2', 'exception', 9)])?.status).toBe('exception');
    expect(deriveStatus([ev('2', 'exception', 9), ev('1', 'in_transit', 12)])?.status).toBe('in_transit');
  });

  it('log entries without a status leave it alone; an empty log has none', () => {
    expect(deriveStatus([ev('1', 'accepted', 0), ev('2', null, 9)])?.status).toBe('accepted');
    expect(deriveStatus([])).toBeNull();
  });

  it('shuffled and duplicated sequences give the same status and the same deciding event', () => {
    const status = fc.constantFrom<ShipmentStatus | null>(...STATUSES, null);
    const log = fc.uniqueArray(
      fc.record({ id: fc.uuid(), status, minute: fc.integer({ min: 0, max: 40 }) }),
      { minLength: 1, maxLength: 25, selector: (e) => e.id },
    );
    fc.assert(
      fc.property(
        log,
        fc.array(fc.nat(), { maxLength: 25 }),
        fc.infiniteStream(fc.nat()),
        (entries, duplicates, seeds) => {
          const events = entries.map((e) => ev(e.id, e.status, e.minute));
          const replayed = [...events, ...duplicates.map((i) => events[i % events.length] as StatusEvent)];
          // A Fisher–Yates shuffle driven by fast-check, so a failure shrinks to a small counterexample.
          const shuffled = [...replayed];
          const random = seeds[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i -= 1) {
            const j = (random.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as StatusEvent, shuffled[i] as StatusEvent];
          }
          expect(deriveStatus(shuffled)).toEqual(deriveStatus(events));
        },
      ),
      { numRuns: 500 },
    );
  });
});
