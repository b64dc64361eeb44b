/**
 * The demo's shipments, each a story told as the events that really make it (issue 6): a delivered
 * parcel, a customer return, a refusal going back to sender, one out for delivery, one failed attempt,
 * and one beyond our fleet carried by the national post. All belong to the demo customer.
 */
import type { ShippingAddressSnapshot } from '@sauda/contracts';
import type { NewTrackingEvent } from '../data/events-repo.ts';

/** Fixed demo ids: order n, its parcel, its line. */
export const demoOrderId = (n: number) => `01960000-0000-7000-8000-0000000a${String(n).padStart(4, '0')}`;
export const demoParcelId = (n: number) => `01960000-0000-7000-8000-0000000b${String(n).padStart(4, '0')}`;
export const demoLineId = (n: number) => `01960000-0000-7000-8000-0000000c${String(n).padStart(4, '0')}`;
export const demoReturnId = (n: number) => `01960000-0000-7000-8000-0000000f${String(n).padStart(4, '0')}`;

/** The demo customer's home in Almaty. */
export const ALMATY_HOME: ShippingAddressSnapshot = {
  countryCode: 'KZ',
  city: 'Almaty',
  line1: 'Abay Ave 150, apt 12',
  postalCode: '050046',
  lat: 43.2403,
  lng: 76.8745,
  recipientName: 'Dana Customer',
  phone: '+7 701 555 0103',
};

/** The same customer's parents in Aktobe: beyond our fleet, the national post delivers. */
export const AKTOBE_HOME: ShippingAddressSnapshot = {
  countryCode: 'KZ',
  city: 'Aktobe',
  line1: 'Abilkaiyr Khan Ave 44',
  postalCode: '030000',
  lat: 50.2839,
  lng: 57.167,
  recipientName: 'Dana Customer',
  phone: '+7 701 555 0103',
};

/** A step of a story: `h` hours after the parcel was packed. */
export type Step = Omit<NewTrackingEvent, 'occurredAt' | 'source' | 'externalId'> & {
  h: number;
  source?: string;
};

/** One demo order and what happened to its parcel. */
export interface Scenario {
  n: number;
  product: number;
  /** Days before now the parcel was packed. */
  daysAgo: number;
  address: ShippingAddressSnapshot;
  steps: Step[];
  /** A customer return approved `h` hours after packing, with its own steps. */
  customerReturn?: { h: number; steps: Step[] };
}

const ALMATY_SC = { kind: 'sorting_centre' as const, id: '01950000-0000-7000-8000-0000000dc001' };
const ALMATY_DEPOT = { kind: 'depot' as const, id: '01950000-0000-7000-8000-0000000de001' };
const DOOR = { kind: 'address' as const, lat: 43.2403, lng: 76.8745 };
const eta = (fromH: number, toH: number, base: Date) => ({
  from: new Date(base.getTime() + fromH * 3_600_000).toISOString(),
  to: new Date(base.getTime() + toH * 3_600_000).toISOString(),
});

/** The six stories; `packedAt(s)` turns a scenario's hours into instants. */
export function demoScenarios(now: Date): Scenario[] {
  const packed = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const toDoor = (daysAgo: number, from: number): Step[] => [
    { h: 1, code: 'accepted', place: ALMATY_DEPOT, source: 'scan' },
    { h: 3, code: 'arrived', place: ALMATY_SC, source: 'scan' },
    { h: from, code: 'loaded_to_round', place: ALMATY_SC, source: 'dispatching' },
    {
      h: from + 1,
      code: 'out_for_delivery',
      place: ALMATY_SC,
      source: 'dispatching',
      eta: eta(from + 2, from + 4, packed(daysAgo)),
    },
  ];
  return [
    {
      n: 1,
      product: 3,
      daysAgo: 6,
      address: ALMATY_HOME,
      steps: [
        ...toDoor(6, 14),
        { h: 17, code: 'arriving', place: DOOR, source: 'dispatching' },
        {
          h: 17.2,
          code: 'delivered',
          place: DOOR,
          source: 'dispatching',
          proof: { kind: 'signature', recipientName: 'Dana C.' },
        },
      ],
    },
    {
      n: 2,
      product: 8,
      daysAgo: 12,
      address: ALMATY_HOME,
      steps: [
        ...toDoor(12, 15),
        { h: 18, code: 'delivered', place: DOOR, source: 'dispatching', proof: { kind: 'pin' } },
      ],
      customerReturn: {
        h: 72,
        steps: [
          { h: 78, code: 'picked_up', place: DOOR, source: 'dispatching' },
          { h: 81, code: 'arrived', place: ALMATY_SC, source: 'scan' },
          { h: 88, code: 'returned', place: ALMATY_DEPOT, source: 'scan' },
        ],
      },
    },
    {
      n: 3,
      product: 14,
      daysAgo: 9,
      address: ALMATY_HOME,
      steps: [
        ...toDoor(9, 14),
        { h: 16.5, code: 'delivery_failed', place: DOOR, source: 'dispatching', reason: 'refused' },
      ],
    },
    {
      n: 4,
      product: 21,
      daysAgo: 0.25,
      address: ALMATY_HOME,
      steps: [...toDoor(0.25, 3.5)],
    },
    {
      n: 5,
      product: 27,
      daysAgo: 1.2,
      address: ALMATY_HOME,
      steps: [
        ...toDoor(1.2, 14),
        { h: 16, code: 'delivery_failed', place: DOOR, source: 'dispatching', reason: 'recipient_absent' },
      ],
    },
    { n: 6, product: 30, daysAgo: 1.5, address: AKTOBE_HOME, steps: [] },
  ];
}

/** The scans that bring scenario 3's return to sender back to the depot. */
export const RETURN_TO_SENDER_STEPS: Step[] = [
  { h: 30, code: 'arrived', place: ALMATY_SC, source: 'scan' },
  { h: 40, code: 'returned', place: ALMATY_DEPOT, source: 'scan' },
];
