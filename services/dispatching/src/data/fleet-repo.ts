/** SQL for vehicles and drivers. */
import type { Driver, Vehicle } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { DriverNotFound, VehicleNotFound } from '../errors.ts';

const vehicleColumns = (db: Queryable) => db`
  id, plate, type, capacity_kg as "capacityKg", capacity_litres as "capacityLitres",
  home_centre_id as "homeCentreId", status`;

/** Vehicles, optionally of one centre. */
export async function selectVehicles(db: Queryable, centreId?: string): Promise<Vehicle[]> {
  return db<Vehicle[]>`
    select ${vehicleColumns(db)} from vehicles
    ${centreId ? db`where home_centre_id = ${centreId}` : db``} order by plate`;
}

/** One vehicle, or VEHICLE_NOT_FOUND. */
export async function getVehicle(db: Queryable, id: string): Promise<Vehicle> {
  const [row] = await db<Vehicle[]>`select ${vehicleColumns(db)} from vehicles where id = ${id}`;
  if (!row) throw new VehicleNotFound();
  return row;
}

interface DriverRow {
  id: string;
  name: string;
  sortingCentreId: string | null;
  licenceClass: string;
  shiftStart: string;
  shiftEnd: string;
  dutyStatus: Driver['dutyStatus'];
  vehicleId: string | null;
  lat: number | null;
  lng: number | null;
  accuracyM: number | null;
  at: Date | null;
}

const driverOf = (row: DriverRow): Driver => ({
  id: row.id,
  name: row.name,
  sortingCentreId: row.sortingCentreId,
  licenceClass: row.licenceClass,
  shiftStart: row.shiftStart,
  shiftEnd: row.shiftEnd,
  dutyStatus: row.dutyStatus,
  vehicleId: row.vehicleId,
  lastPosition:
    row.at && row.lat !== null && row.lng !== null
      ? { lat: row.lat, lng: row.lng, accuracyM: row.accuracyM, at: row.at.toISOString() }
      : null,
});

/** Drivers (accounts holding the driver role), optionally of one centre, with their last position. */
export async function selectDrivers(db: Queryable, filter: { centreId?: string; id?: string } = {}) {
  const rows = await db<DriverRow[]>`
    select d.user_id as id, d.name, d.sorting_centre_id as "sortingCentreId", d.licence_class as "licenceClass",
           d.shift_start as "shiftStart", d.shift_end as "shiftEnd", d.duty_status as "dutyStatus",
           d.vehicle_id as "vehicleId", p.lat, p.lng, p.accuracy_m as "accuracyM", p.at
    from drivers d left join last_positions p on p.driver_id = d.user_id
    where d.is_driver
      ${filter.centreId ? db`and d.sorting_centre_id = ${filter.centreId}` : db``}
      ${filter.id ? db`and d.user_id = ${filter.id}` : db``}
    order by d.name, d.user_id`;
  return rows.map(driverOf);
}

/** One driver, or DRIVER_NOT_FOUND. */
export async function getDriver(db: Queryable, id: string): Promise<Driver> {
  const [driver] = await selectDrivers(db, { id });
  if (!driver) throw new DriverNotFound();
  return driver;
}
