/** Our sorting centres and depots (seeded by migration 0002 with the network's fixed ids). */
import type { ShippingSite } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { Centre } from '../sites/network.ts';

/** A depot: where parcels leave from and returns go back to. */
export interface Depot {
  id: string;
  name: string;
  city: string;
  address: string;
  lat: number;
  lng: number;
}

/** Active sorting centres. */
export async function listCentres(db: Queryable): Promise<Centre[]> {
  return db<Centre[]>`
    select id, name, city, lat, lng, radius_km as "radiusKm" from sorting_centres where active order by code`;
}

/** A depot by id. */
export async function findDepot(db: Queryable, id: string): Promise<Depot | null> {
  const [row] = await db<Depot[]>`select id, name, city, address, lat, lng from depots where id = ${id}`;
  return row ?? null;
}

/** Every site a scan can happen at. */
export async function listSites(db: Queryable): Promise<ShippingSite[]> {
  return db<ShippingSite[]>`
    select id, 'sorting_centre' as kind, name, city from sorting_centres where active
    union all select id, 'depot', name, city from depots
    order by kind desc, city`;
}

/** A site by id. */
export async function findSite(db: Queryable, id: string): Promise<ShippingSite | null> {
  const [row] = await db<ShippingSite[]>`
    select id, 'sorting_centre' as kind, name, city from sorting_centres where id = ${id}
    union all select id, 'depot', name, city from depots where id = ${id}`;
  return row ?? null;
}
