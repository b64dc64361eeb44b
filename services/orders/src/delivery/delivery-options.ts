/**
 * Delivery options as pure rules: the zone from the address (a city with a depot, the rest of a country we
 * have depots in, abroad), the fee from the zone and the cart's weight, and the date we promise.
 */
import type { CurrencyCode, DeliveryOption } from '@sauda/contracts';
import type { PickupDepot } from '../clients/stock.ts';

export type Zone = 'metro' | 'national' | 'international';

/** Fees in minor units (tiyn): a base up to 1 kg, then per started kilogram. */
const FEES: Record<
  Zone,
  { standard: number; express: number | null; perKg: number; days: number; expressDays: number }
> = {
  metro: { standard: 990_00, express: 2490_00, perKg: 150_00, days: 2, expressDays: 1 },
  national: { standard: 1990_00, express: 3990_00, perKg: 300_00, days: 4, expressDays: 2 },
  international: { standard: 9900_00, express: null, perKg: 1500_00, days: 10, expressDays: 0 },
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The zone of an address, given the open depots. */
export function zoneOf(address: { countryCode: string; city: string }, depots: readonly PickupDepot[]): Zone {
  if (depots.some((d) => same(d.countryCode, address.countryCode) && same(d.city, address.city)))
    return 'metro';
  if (depots.some((d) => same(d.countryCode, address.countryCode))) return 'national';
  return 'international';
}

/** The fee of a parcel of `weightGrams` in a zone and kind. */
export function deliveryFee(zone: Zone, kind: 'standard' | 'express', weightGrams: number): number | null {
  const rule = FEES[zone];
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
  const rule = FEES[zone];
  const money = (amount: number) => ({ amount, currency: input.currency });
  const options: DeliveryOption[] = [];
  const standard = deliveryFee(zone, 'standard', input.weightGrams) ?? 0;
  options.push({
    id: 'standard',
    kind: 'standard',
    label: 'Courier',
    fee: money(input.freeShipping ? 0 : standard),
    promisedDate: addDays(input.now, rule.days),
    depotId: null,
  });
  const express = deliveryFee(zone, 'express', input.weightGrams);
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
