/** Writes an optimiser answer: rounds reused per driver (published ones go back to planned), stops placed. */
import type { RoundStatus, SortingCentre } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { StopRow } from '../data/stops-repo.ts';
import { etaWindow, instantOf } from '../planning/day-clock.ts';
import type { PlanInput, PlanOutput } from '../planning/plan-rounds.ts';
import { colourAt } from './colours.ts';
import { nextRoundStatus } from './round-lifecycle.ts';

/** A round the plan may rewrite. */
export interface OpenRound {
  id: string;
  driverId: string;
  status: RoundStatus;
}

interface Applied {
  centre: SortingCentre;
  day: string;
  open: OpenRound[];
  plan: PlanOutput;
  input: PlanInput;
  stops: StopRow[];
}

/** Applies the plan inside `tx`, serialised per centre and day. */
export async function applyPlan(tx: Tx, a: Applied): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext(${`plan:${a.centre.id}:${a.day}`}))`;
  const at = (seconds: number) => instantOf(a.day, a.centre.utcOffsetMinutes, seconds);
  const openIds = a.open.map((r) => r.id);
  // Everything on the rewritten rounds starts over as waiting; the plan places it again below.
  await tx`
    update stops set round_id = null, sequence = null, status = 'waiting', updated_at = now()
    where round_id = any(${openIds}::uuid[]) and status in ('waiting', 'loaded')`;
  const [count] = await tx<{ n: number }[]>`
    select count(*)::int as n from rounds where centre_id = ${a.centre.id} and day = ${a.day}`;
  let created = count?.n ?? 0;
  const used = new Set<string>();
  for (const route of a.plan.routes) {
    const existing = a.open.find((r) => r.driverId === route.vehicleId);
    const roundId = existing?.id ?? uuidv7();
    const [vehicle] = await tx<{ vehicle_id: string | null }[]>`
      select vehicle_id from drivers where user_id = ${route.vehicleId}`;
    if (existing) {
      used.add(existing.id);
      const status =
        existing.status === 'published' ? nextRoundStatus('published', 'revise') : existing.status;
      await tx`
        update rounds set status = ${status}, vehicle_id = ${vehicle?.vehicle_id ?? null},
          distance_m = ${Math.round(route.distance)}, duration_s = ${Math.round(route.duration)},
          planned_start = ${at(route.start)}, planned_end = ${at(route.end)}
        where id = ${roundId}`;
    } else {
      await tx`
        insert into rounds (id, centre_id, day, status, driver_id, vehicle_id, colour, distance_m, duration_s,
                            planned_start, planned_end)
        values (${roundId}, ${a.centre.id}, ${a.day}, 'planned', ${route.vehicleId}, ${vehicle?.vehicle_id ?? null},
                ${colourAt(created++)}, ${Math.round(route.distance)}, ${Math.round(route.duration)},
                ${at(route.start)}, ${at(route.end)})`;
    }
    for (const [index, stopId] of route.stopIds.entries()) {
      const arrival = at(route.arrivals[index] ?? route.start);
      const eta = etaWindow(arrival);
      await tx`
        update stops set round_id = ${roundId}, sequence = ${index + 1}, planned_arrival = ${arrival},
          eta_from = ${eta.from}, eta_to = ${eta.to}, unassigned_reason = null, updated_at = now()
        where id = ${stopId} and status = 'waiting'`;
    }
  }
  for (const { stopId, reason } of a.plan.unassigned)
    await tx`
      update stops set unassigned_reason = ${reason}, locked = false, planned_arrival = null,
        eta_from = null, eta_to = null, updated_at = now()
      where id = ${stopId} and round_id is null`;
  for (const round of a.open.filter((r) => !used.has(r.id))) {
    const status = nextRoundStatus(round.status, 'cancel');
    await tx`update rounds set status = ${status} where id = ${round.id}`;
  }
}
