/** A dispatcher adds a vehicle to a centre's fleet. */
import type { NewVehicle, Vehicle } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { centreExists } from '../data/centres-repo.ts';
import { getVehicle } from '../data/fleet-repo.ts';
import { CentreNotFound, PlateTaken } from '../errors.ts';

/** Adds a vehicle; its plate is unique (the insert decides). */
export async function createVehicle(db: Db, input: NewVehicle): Promise<Vehicle> {
  if (!(await centreExists(db, input.homeCentreId))) throw new CentreNotFound();
  const id = uuidv7();
  const [row] = await db`
    insert into vehicles (id, plate, type, capacity_kg, capacity_litres, home_centre_id)
    values (${id}, ${input.plate.toUpperCase()}, ${input.type}, ${input.capacityKg}, ${input.capacityLitres},
            ${input.homeCentreId})
    on conflict (plate) do nothing returning id`;
  if (!row) throw new PlateTaken(`plate ${input.plate} is in use`);
  return getVehicle(db, id);
}
