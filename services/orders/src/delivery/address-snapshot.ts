/** The address an order ships to, frozen at checkout from the customer's address book. */
import type { Address, ShippingAddressSnapshot } from '@sauda/contracts';
import type { PickupDepot } from '../clients/stock.ts';

/** The snapshot; an address without coordinates takes its city's depot's (or the country's first). */
export function addressSnapshot(address: Address, depots: readonly PickupDepot[]): ShippingAddressSnapshot {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const near =
    depots.find((d) => same(d.city, address.city) && same(d.countryCode, address.country)) ??
    depots.find((d) => same(d.countryCode, address.country)) ??
    depots[0];
  return {
    countryCode: address.country.toUpperCase(),
    city: address.city,
    line1: address.street,
    ...(address.postalCode ? { postalCode: address.postalCode } : {}),
    lat: address.lat ?? near?.lat ?? 0,
    lng: address.lng ?? near?.lng ?? 0,
    recipientName: address.recipient,
    ...(address.phone ? { phone: address.phone } : {}),
  };
}
