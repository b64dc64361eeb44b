/** A dispatcher changes a vehicle (capacity, home centre, status). */
import type { Vehicle, VehicleChanges } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { centreExists } from '../data/centres-repo.ts';
import { getVehicle } from '../data/fleet-repo.ts';
import { CentreNotFound, VehicleNotFound } from '../errors.ts';

/** Applies the changes; a vehicle leaving service is taken off its driver. */
export async function updateVehicle(db: Db, id: string, changes: VehicleChanges): Promise<Vehicle> {
  if (changes.homeCentreId && !(await centreExists(db, changes.homeCentreId))) throw new CentreNotFound();
  await withTransaction(db, async (tx) => {
    const [row] = await tx`
      update vehicles set
        capacity_kg = coalesce(${changes.capacityKg ?? null}, capacity_kg),
        capacity_litres = coalesce(${changes.capacityLitres ?? null}, capacity_litres),
        home_centre_id = coalesce(${changes.homeCentreId ?? null}, home_centre_id),
        status = coalesce(${changes.status ?? null}, status)
      where id = ${id} returning status`;
    if (!row) throw new VehicleNotFound();
    if (changes.status === 'retired') await tx`update drivers set vehicle_id = null where vehicle_id = ${id}`;
  });
  return getVehicle(db, id);
}
