/** A dispatcher sets a driver's fleet facts: licence, shift, duty status (e.g. off sick), vehicle. */
import type { Driver, DriverChanges } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { getDriver } from '../data/fleet-repo.ts';
import { DriverNotFound, VehicleNotFound, VehicleTaken } from '../errors.ts';

/** Applies the changes; a vehicle drives for one driver at a time (the unique index decides). */
export async function updateDriver(db: Db, id: string, changes: DriverChanges): Promise<Driver> {
  if (changes.vehicleId) {
    const [vehicle] =
      await db`select 1 from vehicles where id = ${changes.vehicleId} and status <> 'retired'`;
    if (!vehicle) throw new VehicleNotFound();
  }
  try {
    const [row] = await db`
      update drivers set
        licence_class = coalesce(${changes.licenceClass ?? null}, licence_class),
        shift_start = coalesce(${changes.shiftStart ?? null}, shift_start),
        shift_end = coalesce(${changes.shiftEnd ?? null}, shift_end),
        duty_status = coalesce(${changes.dutyStatus ?? null}, duty_status),
        vehicle_id = ${changes.vehicleId === undefined ? db`vehicle_id` : changes.vehicleId},
        updated_at = now()
      where user_id = ${id} and is_driver returning user_id`;
    if (!row) throw new DriverNotFound();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new VehicleTaken();
    throw error;
  }
  return getDriver(db, id);
}
