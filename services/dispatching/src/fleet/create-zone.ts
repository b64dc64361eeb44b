/** An admin draws a service zone of a centre. */
import type { NewServiceZone, ServiceZone } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { centreExists } from '../data/centres-repo.ts';
import { CentreNotFound } from '../errors.ts';

/** Stores the zone polygon. */
export async function createZone(db: Db, input: NewServiceZone): Promise<ServiceZone> {
  if (!(await centreExists(db, input.centreId))) throw new CentreNotFound();
  const id = uuidv7();
  await db`
    insert into service_zones (id, centre_id, name, polygon)
    values (${id}, ${input.centreId}, ${input.name}, ${JSON.stringify(input.polygon)}::text::jsonb)`;
  return { id, ...input };
}
