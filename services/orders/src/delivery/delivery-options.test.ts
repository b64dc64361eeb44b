import { describe, expect, it } from 'vitest';
import type { PickupDepot } from '../clients/stock.ts';
import { DELIVERY_FEES, deliveryFee, deliveryOptions, zoneOf } from './delivery-options.ts';

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
    expect(deliveryFee(zone, kind, grams, 'KZT')).toBe(fee);
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

  it.each(['KZT', 'USD', 'EUR', 'RUB'] as const)(
    'prices every zone in %s, in that currency, cheaper in town than abroad and more per extra kilogram',
    (currency) => {
      for (const zone of ['metro', 'national', 'international'] as const) {
        const light = deliveryFee(zone, 'standard', 900, currency);
        const heavy = deliveryFee(zone, 'standard', 2900, currency);
        expect(light).toBe(DELIVERY_FEES[currency][zone].standard);
        expect(heavy).toBe((light ?? 0) + 2 * DELIVERY_FEES[currency][zone].perKg);
        expect(Number.isInteger(light) && (light ?? 0) > 0).toBe(true);
      }
      expect(deliveryFee('metro', 'standard', 900, currency)).toBeLessThan(
        deliveryFee('international', 'standard', 900, currency) ?? 0,
      );
      const options = deliveryOptions({
        address: { countryCode: 'KZ', city: 'Taraz' },
        depots,
        weightGrams: 1500,
        currency,
        freeShipping: false,
        now,
      });
      expect(options.filter((o) => o.kind !== 'pickup').map((o) => o.fee)).toEqual([
        {
          amount: DELIVERY_FEES[currency].national.standard + DELIVERY_FEES[currency].national.perKg,
          currency,
        },
        {
          amount: (DELIVERY_FEES[currency].national.express ?? 0) + DELIVERY_FEES[currency].national.perKg,
          currency,
        },
      ]);
    },
  );

  it('keeps the fees of one zone within a sensible band of the KZT fee at rough exchange rates', () => {
    // KZT per unit, roughly: a fee list drifting far from these means one currency was mistyped.
    const rate = { KZT: 1, USD: 500, EUR: 540, RUB: 5.2 } as const;
    for (const currency of ['USD', 'EUR', 'RUB'] as const)
      for (const zone of ['metro', 'national', 'international'] as const) {
        const inKzt = DELIVERY_FEES[currency][zone].standard * rate[currency];
        const ratio = inKzt / DELIVERY_FEES.KZT[zone].standard;
        expect(ratio, `${currency} ${zone}`).toBeGreaterThan(0.7);
        expect(ratio, `${currency} ${zone}`).toBeLessThan(1.3);
      }
  });
});
