/** The driver arrives at a stop: tapped in the app, or seen inside the stop's geofence. */
import { StopArriving, type Stop } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { stopOf, type StopRow } from '../data/stops-repo.ts';
import { driverStop, stopFacts } from './driver-stop.ts';

type Position = { lat: number; lng: number; accuracyM?: number | undefined };

/** Marks the stop arrived and announces it; the position is the driver's (or the stop's when unknown). */
export async function arriveAtStop(
  tx: Tx,
  driverId: string,
  stopId: string,
  position: Position | undefined,
  now: Date,
): Promise<Stop> {
  const { stop, round } = await driverStop(tx, driverId, stopId, ['out']);
  const [row] = await tx<StopRow[]>`
    update stops set status = 'arrived', updated_at = now() where id = ${stop.id}
    returning *, promised_date::text as promised_day`;
  const where = position ?? (await lastPosition(tx, driverId)) ?? { lat: stop.lat, lng: stop.lng };
  await appendEvent(tx, StopArriving, {
    ...stopFacts(stop, round, now),
    position: {
      lat: where.lat,
      lng: where.lng,
      ...(where.accuracyM !== undefined ? { accuracyM: where.accuracyM } : {}),
    },
  });
  return stopOf(row ?? stop);
}

async function lastPosition(tx: Tx, driverId: string): Promise<Position | undefined> {
  const [row] = await tx<{ lat: number; lng: number }[]>`
    select lat, lng from last_positions where driver_id = ${driverId}`;
  return row;
}
