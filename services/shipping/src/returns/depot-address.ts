/** Where returned parcels go: a depot, as an address snapshot for labels and the fleet. */
import type { ShippingAddressSnapshot } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { findDepot, type Depot } from '../data/sites-repo.ts';

/** The preferred depot, else the first one we know (every network has at least one). */
export async function returnDepot(db: Queryable, preferredId: string | null | undefined): Promise<Depot> {
  const preferred = preferredId ? await findDepot(db, preferredId) : null;
  if (preferred) return preferred;
  const [first] = await db<Depot[]>`select id, name, city, address, lat, lng from depots order by id limit 1`;
  if (!first) throw new Error('no depot is known: migration 0002 seeds the network');
  return first;
}

/** A depot as the recipient of a parcel. */
export function depotAddress(depot: Depot): ShippingAddressSnapshot {
  return {
    countryCode: 'KZ',
    city: depot.city,
    line1: depot.address,
    lat: depot.lat,
    lng: depot.lng,
    recipientName: `Sauda · ${depot.name}`,
  };
}
