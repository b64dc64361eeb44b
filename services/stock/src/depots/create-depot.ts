/** An admin opens a depot. */
import type { Depot, NewDepot } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { getDepot } from '../data/depots-repo.ts';
import { DepotCodeTaken } from '../errors.ts';

/** Opens a depot; its code is unique (the insert decides). */
export async function createDepot(db: Db, input: NewDepot): Promise<Depot> {
  const id = uuidv7();
  await withTransaction(db, async (tx) => {
    if (input.isDefault) await tx`update depots set is_default = false where is_default`;
    const [row] = await tx`
      insert into depots (id, code, name, country_code, city, address, lat, lng, opening_hours, is_default)
      values (${id}, ${input.code}, ${input.name}, ${input.countryCode}, ${input.city}, ${input.address},
              ${input.lat}, ${input.lng}, ${input.openingHours ?? ''}, ${input.isDefault ?? false})
      on conflict (code) do nothing returning id`;
    if (!row) throw new DepotCodeTaken(`code ${input.code} is in use`);
  });
  return getDepot(db, id);
}
