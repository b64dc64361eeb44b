import { describe, expect, it } from 'vitest';
import type { PickupDepot } from '../clients/stock.ts';
import { deliveryFee, deliveryOptions, zoneOf } from './delivery-options.ts';

const depot = (id: string, city: string): PickupDepot => ({
  id,
  name: `${city} depot`,
  city,
  countryCode: 'KZ',
  lat: 0,
  lng: 0,
});
const depots = [
  depot('01950000-0000-7000-8000-0000000de001', 'Almaty'),
  depot('01950000-0000-7000-8000-0000000de002', 'Astana'),
];
const now = new Date('2026-03-02T09:00:00Z');

describe('delivery options', () => {
  it.each([
    [{ countryCode: 'KZ', city: 'almaty' }, 'metro'],
    [{ countryCode: 'KZ', city: 'Taraz' }, 'national'],
    [{ countryCode: 'UZ', city: 'Tashkent' }, 'international'],
  ] as const)('puts %j in the %s zone', (address, zone) => {
    expect(zoneOf(address, depots)).toBe(zone);
  });

  it.each([
    ['metro', 'standard', 500, 990_00],
    ['metro', 'standard', 1000, 990_00],
    ['metro', 'standard', 1001, 1140_00],
    ['national', 'express', 3500, 3990_00 + 3 * 300_00],
    ['international', 'express', 100, null],
  ] as const)('charges %s %s for %i g: %s', (zone, kind, grams, fee) => {
    expect(deliveryFee(zone, kind, grams)).toBe(fee);
  });

  it('offers courier, express and pickup at every depot of the country, the local one first', () => {
    const options = deliveryOptions({
      address: { countryCode: 'KZ', city: 'Astana' },
      depots,
      weightGrams: 800,
      currency: 'KZT',
      freeShipping: false,
      now,
    });
    expect(options.map((o) => o.id)).toEqual([
      'standard',
      'express',
      'pickup:01950000-0000-7000-8000-0000000de002',
      'pickup:01950000-0000-7000-8000-0000000de001',
    ]);
    expect(options[0]).toMatchObject({
      fee: { amount: 990_00, currency: 'KZT' },
      promisedDate: '2026-03-04',
    });
    expect(options[2]).toMatchObject({ kind: 'pickup', fee: { amount: 0 }, promisedDate: '2026-03-03' });
  });

  it('makes courier delivery free with a free-shipping code, and abroad has no pickup or express', () => {
    const options = deliveryOptions({
      address: { countryCode: 'DE', city: 'Berlin' },
      depots,
      weightGrams: 2500,
      currency: 'KZT',
      freeShipping: true,
      now,
    });
    expect(options).toEqual([
      expect.objectContaining({ id: 'standard', fee: { amount: 0, currency: 'KZT' } }),
    ]);
  });
});
