/** Turns a centre's day (fleet, waiting stops, locked stops) into the planner's input. */
import type { SortingCentre } from '@sauda/contracts';
import type { StopRow } from '../data/stops-repo.ts';
import type { DistanceProvider } from '../distances/distance-matrix.ts';
import { clockSeconds, secondsOf } from './day-clock.ts';
import type { PlanInput, PlanVehicle } from './plan-rounds.ts';

/** A driver available for the day, with the vehicle they drive. */
export interface AvailableDriver {
  driverId: string;
  shiftStart: string;
  shiftEnd: string;
  capacityKg: number;
  capacityLitres: number;
}

const WHOLE_DAY: [number, number] = [0, 2 * 86_400];
const BREAK_SECONDS = 30 * 60;

/** The vehicle of a driver's shift; shifts over six hours carry a 30-minute break around their middle. */
export function planVehicleOf(driver: AvailableDriver): PlanVehicle {
  const start = clockSeconds(driver.shiftStart);
  const end = Math.max(start + 3600, clockSeconds(driver.shiftEnd));
  const middle = (start + end) / 2;
  return {
    id: driver.driverId,
    capacityKg: driver.capacityKg,
    capacityLitres: driver.capacityLitres,
    shiftStart: start,
    shiftEnd: end,
    ...(end - start > 6 * 3600
      ? { break: { earliest: middle - 3600, latest: middle + 3600, duration: BREAK_SECONDS } }
      : {}),
  };
}

/** The customer's window in seconds of the day; a window on another day (a late parcel) does not bind. */
export function windowOf(stop: StopRow, day: string, offset: number): [number, number] {
  if (!stop.window_from || !stop.window_to) return WHOLE_DAY;
  const from = secondsOf(day, offset, stop.window_from);
  const to = secondsOf(day, offset, stop.window_to);
  if (to <= 0 || from >= 86_400 || to <= from) return WHOLE_DAY;
  return [Math.max(0, from), to];
}

/** Builds the input: location 0 is the centre, stop i is location i + 1. */
export async function buildPlanInput(
  centre: SortingCentre,
  day: string,
  stops: StopRow[],
  drivers: AvailableDriver[],
  locked: { vehicleId: string; stopIds: string[] }[],
  distances: DistanceProvider,
  budgetMs: number,
): Promise<PlanInput> {
  const matrix = await distances.matrix([centre, ...stops.map((s) => ({ lat: s.lat, lng: s.lng }))]);
  return {
    stops: stops.map((s, i) => ({
      id: s.id,
      location: i + 1,
      weightGrams: s.weight_grams,
      volumeLitres: s.volume_litres,
      serviceSeconds: s.service_seconds,
      window: windowOf(s, day, centre.utcOffsetMinutes),
    })),
    vehicles: drivers.map(planVehicleOf),
    matrix,
    locked,
    budgetMs,
  };
}
