/**
 * Plans (or re-plans) a centre's day: every waiting stop due by that day plus the stops of rounds not yet
 * started go to the optimiser with the drivers on duty; locked stops stay on their driver in their order.
 * Rounds of drivers who dropped out (off sick) are cancelled and their stops re-planned (unlocked).
 */
import type { DispatchBoard, PlanRequest } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import type { DispatchContext } from '../context.ts';
import { getCentre } from '../data/centres-repo.ts';
import { selectRoundStops, selectWaitingStops, type StopRow } from '../data/stops-repo.ts';
import { buildPlanInput, type AvailableDriver } from '../planning/build-plan-input.ts';
import { planRounds } from '../planning/plan-rounds.ts';
import { applyPlan, type OpenRound } from './apply-plan.ts';
import { loadBoard } from './load-board.ts';

/** Plans the day and answers the new board. */
export async function planDay(ctx: DispatchContext, request: PlanRequest): Promise<DispatchBoard> {
  const { db } = ctx;
  const centre = await getCentre(db, request.centreId);
  const day = request.date;
  const open = await db<OpenRound[]>`
    select id, driver_id as "driverId", status from rounds
    where centre_id = ${centre.id} and day = ${day} and status in ('planned', 'published')`;
  const drivers = await db<AvailableDriver[]>`
    select d.user_id as "driverId", d.shift_start as "shiftStart", d.shift_end as "shiftEnd",
           v.capacity_kg as "capacityKg", v.capacity_litres as "capacityLitres"
    from drivers d join vehicles v on v.id = d.vehicle_id and v.status = 'active'
    where d.is_driver and d.sorting_centre_id = ${centre.id} and d.duty_status = 'on_duty'
      and not exists (select 1 from rounds r where r.driver_id = d.user_id and r.day = ${day}
                      and r.status in ('started', 'completed'))
    order by d.user_id`;
  const onRounds = (
    await selectRoundStops(
      db,
      open.map((r) => r.id),
    )
  ).filter((s) => ['waiting', 'loaded'].includes(s.status));
  const stops: StopRow[] = [...onRounds, ...(await selectWaitingStops(db, centre.id, day))];
  const input = await buildPlanInput(
    centre,
    day,
    stops,
    drivers,
    lockedOf(onRounds, open, new Set(drivers.map((d) => d.driverId))),
    ctx.distances,
    request.budgetMs ?? ctx.planBudgetMs,
  );
  const plan = await planRounds(input);
  await withTransaction(db, (tx) => applyPlan(tx, { centre, day, open, plan, input, stops }));
  return loadBoard(db, centre.id, day);
}

/** Locked stops of rounds whose driver still drives today, per driver in round order. */
function lockedOf(stops: StopRow[], open: OpenRound[], available: Set<string>) {
  const driverOf = new Map(open.map((r) => [r.id, r.driverId]));
  const byDriver = new Map<string, string[]>();
  for (const stop of stops) {
    const driverId = stop.round_id ? driverOf.get(stop.round_id) : undefined;
    if (!stop.locked || !driverId || !available.has(driverId)) continue;
    byDriver.set(driverId, [...(byDriver.get(driverId) ?? []), stop.id]);
  }
  return [...byDriver].map(([vehicleId, stopIds]) => ({ vehicleId, stopIds }));
}
