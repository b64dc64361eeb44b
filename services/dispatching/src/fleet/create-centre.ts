/** An admin opens a sorting centre. */
import type { NewSortingCentre, SortingCentre } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { getCentre } from '../data/centres-repo.ts';
import { CentreCodeTaken } from '../errors.ts';

/** Opens a centre; its code is unique (the insert decides). */
export async function createCentre(db: Db, input: NewSortingCentre): Promise<SortingCentre> {
  const id = uuidv7();
  const [row] = await db`
    insert into sorting_centres (id, code, name, city, address, lat, lng, opening_hours, utc_offset_minutes)
    values (${id}, ${input.code}, ${input.name}, ${input.city}, ${input.address}, ${input.lat}, ${input.lng},
            ${input.openingHours ?? ''}, ${input.utcOffsetMinutes ?? 300})
    on conflict (code) do nothing returning id`;
  if (!row) throw new CentreCodeTaken(`code ${input.code} is in use`);
  return getCentre(db, id);
}
