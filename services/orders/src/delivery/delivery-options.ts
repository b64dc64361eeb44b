/**
 * Delivery options as pure rules: the zone from the address (a city with a depot, the rest of a country we
 * have depots in, abroad), the fee from the zone and the cart's weight, and the date we promise.
 */
import type { CurrencyCode, DeliveryOption } from '@sauda/contracts';
import type { PickupDepot } from '../clients/stock.ts';

export type Zone = 'metro' | 'national' | 'international';

interface FeeRule {
  standard: number;
  express: number | null;
  perKg: number;
}

/**
 * Fees per currency, in its minor units: a base up to 1 kg, then per started kilogram. An order is priced in
 * its seller's currency, so each currency has its own list (set, not converted: a fee is a published price,
 * it must not move with the exchange rate); a test checks every currency prices every zone.
 */
export const DELIVERY_FEES: Readonly<Record<CurrencyCode, Readonly<Record<Zone, FeeRule>>>> = {
  KZT: {
    metro: { standard: 990_00, express: 2490_00, perKg: 150_00 },
    national: { standard: 1990_00, express: 3990_00, perKg: 300_00 },
    international: { standard: 9900_00, express: null, perKg: 1500_00 },
  },
  USD: {
    metro: { standard: 200, express: 500, perKg: 30 },
    national: { standard: 400, express: 800, perKg: 60 },
    international: { standard: 2000, express: null, perKg: 300 },
  },
  EUR: {
    metro: { standard: 190, express: 460, perKg: 28 },
    national: { standard: 370, express: 740, perKg: 55 },
    international: { standard: 1850, express: null, perKg: 280 },
  },
  RUB: {
    metro: { standard: 190_00, express: 480_00, perKg: 30_00 },
    national: { standard: 390_00, express: 780_00, perKg: 60_00 },
    international: { standard: 1900_00, express: null, perKg: 290_00 },
  },
};

/** Promised days per zone (the same whatever the currency). */
const DAYS: Record<Zone, { days: number; expressDays: number }> = {
  metro: { days: 2, expressDays: 1 },
  national: { days: 4, expressDays: 2 },
  international: { days: 10, expressDays: 0 },
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The zone of an address, given the open depots. */
export function zoneOf(address: { countryCode: string; city: string }, depots: readonly PickupDepot[]): Zone {
  if (depots.some((d) => same(d.countryCode, address.countryCode) && same(d.city, address.city)))
    return 'metro';
  if (depots.some((d) => same(d.countryCode, address.countryCode))) return 'national';
  return 'international';
}

/** The fee of a parcel of `weightGrams` in a zone and kind, in `currency`'s minor units. */
export function deliveryFee(
  zone: Zone,
  kind: 'standard' | 'express',
  weightGrams: number,
  currency: CurrencyCode,
): number | null {
  const rule = DELIVERY_FEES[currency][zone];
  const base = kind === 'standard' ? rule.standard : rule.express;
  if (base === null) return null;
  const extraKg = Math.max(0, Math.ceil((weightGrams - 1000) / 1000));
  return base + extraKg * rule.perKg;
}

function addDays(from: Date, days: number): string {
  const date = new Date(from.getTime() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Every option for an address and a cart; `freeShipping` (a promo) makes standard delivery free. */
export function deliveryOptions(input: {
  address: { countryCode: string; city: string };
  depots: readonly PickupDepot[];
  weightGrams: number;
  currency: CurrencyCode;
  freeShipping: boolean;
  now: Date;
}): DeliveryOption[] {
  const zone = zoneOf(input.address, input.depots);
  const rule = DAYS[zone];
  const money = (amount: number) => ({ amount, currency: input.currency });
  const options: DeliveryOption[] = [];
  const standard = deliveryFee(zone, 'standard', input.weightGrams, input.currency) ?? 0;
  options.push({
    id: 'standard',
    kind: 'standard',
    label: 'Courier',
    fee: money(input.freeShipping ? 0 : standard),
    promisedDate: addDays(input.now, rule.days),
    depotId: null,
  });
  const express = deliveryFee(zone, 'express', input.weightGrams, input.currency);
  if (express !== null)
    options.push({
      id: 'express',
      kind: 'express',
      label: 'Express courier',
      fee: money(express),
      promisedDate: addDays(input.now, rule.expressDays),
      depotId: null,
    });
  const local = input.depots.filter((d) => same(d.countryCode, input.address.countryCode));
  const sorted = [...local].sort(
    (a, b) => Number(same(b.city, input.address.city)) - Number(same(a.city, input.address.city)),
  );
  for (const depot of sorted) {
    options.push({
      id: `pickup:${depot.id}`,
      kind: 'pickup',
      label: `Pickup: ${depot.name}`,
      fee: money(0),
      promisedDate: addDays(input.now, same(depot.city, input.address.city) ? 1 : 3),
      depotId: depot.id,
    });
  }
  return options;
}
