import { earliestStart, type Model } from './model.ts';

/** The timetable of one route; positions include the start (0) and end (len+1) nodes. */
export interface Schedule {
  feasible: boolean;
  arrivals: Float64Array;
  starts: Float64Array;
  breakStarts: number[];
}

/**
 * Times a node sequence (start, jobs…, end) for vehicle v, waiting for windows and placing each break in
 * the first leg where it is free (fits in waiting time) or can no longer be postponed. With breaks this is
 * the exact check the slack arrays relax; without breaks it gives the same times as the slack arrays.
 */
export function scheduleRoute(
  model: Model,
  v: number,
  seq: Int32Array,
  count: number,
  out?: Schedule,
): boolean {
  const vehicle = model.vehicles[v]!;
  const { time, service, nodeCount } = model;
  const breaks = count > 2 ? vehicle.breaks : [];
  let next = 0;
  let ok = true;
  let start = vehicle.shiftStart;
  if (out) {
    out.arrivals[0] = start;
    out.starts[0] = start;
    out.breakStarts.length = 0;
  }
  for (let i = 1; i < count; i++) {
    const x = seq[i - 1]!;
    const y = seq[i]!;
    const depart = start + service[x]!;
    const travel = time[x * nodeCount + y]!;
    let arrival = depart + travel;
    const plain = earliestStart(model, y, arrival);
    const pending = breaks[next];
    if (pending) {
      const breakStart = Math.max(depart, pending.earliest);
      const ready = Math.max(arrival + pending.duration, breakStart + pending.duration);
      const withBreak = earliestStart(model, y, ready);
      const last = i === count - 1;
      const mustNow = Math.max(plain + service[y]!, pending.earliest) > pending.latest;
      if (last || mustNow || withBreak <= plain) {
        if (breakStart > pending.latest) {
          if (!out) return false;
          ok = false;
        }
        arrival = ready;
        out?.breakStarts.push(breakStart);
        next++;
      }
    }
    start = earliestStart(model, y, arrival);
    if (start === Infinity) {
      // Only a route fixed by locked stops can be late; its timetable then shows the late service.
      if (!out) return false;
      ok = false;
      start = arrival;
    }
    if (out) {
      out.arrivals[i] = arrival;
      out.starts[i] = start;
    }
  }
  if (next < breaks.length) ok = false;
  if (out) out.feasible = ok;
  return ok;
}
