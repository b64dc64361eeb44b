import { earliestStart, type Model } from '../model/model.ts';
import type { Random } from '../model/random.ts';
import type { Route } from '../model/route.ts';
import { scheduleRoute } from '../model/schedule.ts';
import type { Solution } from '../model/solution.ts';

const NEIGHBOURS = 12;
const EPS = 1e-9;

let seqA = new Int32Array(0);
let seqB = new Int32Array(0);

/**
 * Inter-route descent over each job's nearest neighbours, first improvement: relocate a string of 1–3
 * jobs next to a neighbour (or-opt), exchange strings of 1–2 jobs (swap, cross-exchange), and 2-opt*
 * (swap route tails). Every move is one "middle exchange" between two routes; time windows are checked
 * in O(string length) from the slack data (O(1) for 2-opt* between interchangeable vehicles). Locked jobs
 * never move. Returns true when something improved.
 */
export function localSearch(sol: Solution, rng: Random, touched?: Uint8Array): boolean {
  const model = sol.model;
  const n = model.n;
  if (seqA.length < n + 2) {
    seqA = new Int32Array(n + 2);
    seqB = new Int32Array(n + 2);
  }
  const order = Int32Array.from({ length: n }, (_, j) => j);
  for (let i = n - 1; i > 0; i--) {
    const k = rng.below(i + 1);
    const swap = order[i]!;
    order[i] = order[k]!;
    order[k] = swap;
  }
  const width = Math.min(NEIGHBOURS, n - 1);
  let any = false;
  for (let round = 0, improved = true; improved && round < 100; round++) {
    improved = false;
    for (const u of order) {
      if (model.locked[u] === 1) continue;
      for (let k = 0; k < width; k++) {
        const v = model.neighbours[u * (n - 1) + k]!;
        const ra = sol.routeOf[u]!;
        const rb = sol.routeOf[v]!;
        if (ra < 0 || rb < 0 || ra === rb) continue;
        if (improvePair(sol, ra, sol.posOf[u]!, rb, sol.posOf[v]!)) {
          if (touched) touched[ra] = touched[rb] = 1;
          improved = any = true;
        }
      }
    }
  }
  return any;
}

/** Tries every move that brings u (position i of route ra) next to v (position j of rb); applies the best. */
function improvePair(sol: Solution, ra: number, i: number, rb: number, j: number): boolean {
  const A = sol.routes[ra]!;
  const B = sol.routes[rb]!;
  let best = EPS;
  let move = -1;
  const moves = candidateMoves(A.len, i, B.len, j);
  for (let m = 0; m < moves.length; m += 4) {
    const gain = evaluate(sol, A, moves[m]!, moves[m + 1]!, B, moves[m + 2]!, moves[m + 3]!);
    if (gain > best) {
      best = gain;
      move = m;
    }
  }
  if (move < 0) return false;
  apply(sol, ra, moves[move]!, moves[move + 1]!, rb, moves[move + 2]!, moves[move + 3]!);
  return true;
}

const buffer = new Int32Array(4 * 16);

/** Cut points (a0, a1, b0, b1) of each candidate move; the middles A(a0..a1) and B(b0..b1) swap. */
function candidateMoves(lenA: number, i: number, lenB: number, j: number): Int32Array {
  let c = 0;
  const push = (a0: number, a1: number, b0: number, b1: number): void => {
    buffer[c++] = a0;
    buffer[c++] = a1;
    buffer[c++] = b0;
    buffer[c++] = b1;
  };
  for (let l = 1; l <= 3 && i + l - 1 <= lenA; l++) {
    push(i - 1, i + l, j, j + 1); // relocate after v
    push(i - 1, i + l, j - 1, j); // relocate before v
  }
  for (let l1 = 1; l1 <= 2 && i + l1 - 1 <= lenA; l1++) {
    for (let l2 = 1; l2 <= 2 && j + l2 - 1 <= lenB; l2++) push(i - 1, i + l1, j - 1, j + l2);
  }
  push(i, lenA + 1, j - 1, lenB + 1); // 2-opt*: u then v's tail
  push(i - 1, lenA + 1, j, lenB + 1); // 2-opt*: v then u's tail
  return buffer.subarray(0, c);
}

/** Gain (old − new cost) of swapping middles, or −Infinity when a constraint breaks. */
function evaluate(sol: Solution, A: Route, a0: number, a1: number, B: Route, b0: number, b1: number): number {
  const model = sol.model;
  const gain = -(sideDelta(model, A, a0, a1, B, b0, b1) + sideDelta(model, B, b0, b1, A, a0, a1));
  if (gain <= EPS) return -Infinity;
  const va = model.vehicles[A.vehicle]!;
  const vb = model.vehicles[B.vehicle]!;
  if (hasLocked(model, A, a0, a1) || hasLocked(model, B, b0, b1)) return -Infinity;
  if (!fits(model, A, a0, a1, B, b0, b1) || !fits(model, B, b0, b1, A, a0, a1)) return -Infinity;
  if (!onTime(model, A, a0, a1, B, b0, b1) || !onTime(model, B, b0, b1, A, a0, a1)) return -Infinity;
  if (va.breaks.length > 0 || vb.breaks.length > 0) {
    const lenA = build(seqA, A, a0, a1, B, b0, b1);
    const lenB = build(seqB, B, b0, b1, A, a0, a1);
    if (!scheduleRoute(model, A.vehicle, seqA, lenA) || !scheduleRoute(model, B.vehicle, seqB, lenB))
      return -Infinity;
  }
  const newLenA = A.len - (a1 - a0 - 1) + (b1 - b0 - 1);
  const newLenB = B.len - (b1 - b0 - 1) + (a1 - a0 - 1);
  return gain + (newLenA === 0 ? va.fixedCost : 0) + (newLenB === 0 ? vb.fixedCost : 0);
}

/** Distance change of route R when its middle R(c0..c1) is replaced by D(d0..d1). */
function sideDelta(model: Model, R: Route, c0: number, c1: number, D: Route, d0: number, d1: number): number {
  const { dist, nodeCount } = model;
  const before = R.nodes[c0]!;
  const after = R.nodes[c1]!;
  const removed =
    c1 - c0 > 1
      ? dist[before * nodeCount + R.nodes[c0 + 1]!]! + dist[R.nodes[c1 - 1]! * nodeCount + after]!
      : dist[before * nodeCount + after]!;
  const added =
    d1 - d0 > 1
      ? dist[before * nodeCount + D.nodes[d0 + 1]!]! + dist[D.nodes[d1 - 1]! * nodeCount + after]!
      : dist[before * nodeCount + after]!;
  return added - removed;
}

function hasLocked(model: Model, R: Route, c0: number, c1: number): boolean {
  if (R.lastLocked <= c0) return false;
  for (let p = c0 + 1; p < c1; p++) if (model.locked[R.nodes[p]!] === 1) return true;
  return false;
}

/** Capacity of R after the exchange. */
function fits(model: Model, R: Route, c0: number, c1: number, D: Route, d0: number, d1: number): boolean {
  const dims = model.dims;
  const capacity = model.vehicles[R.vehicle]!.capacity;
  for (let d = 0; d < dims; d++) {
    const out = R.prefix[(c1 - 1) * dims + d]! - R.prefix[c0 * dims + d]!;
    const into = D.prefix[(d1 - 1) * dims + d]! - D.prefix[d0 * dims + d]!;
    if (R.load[d]! - out + into > capacity[d]! + EPS) return false;
  }
  return true;
}

/** Time windows of R after the exchange, from R's slack data (breaks aside). */
function onTime(model: Model, R: Route, c0: number, c1: number, D: Route, d0: number, d1: number): boolean {
  const { time, service, nodeCount } = model;
  let prev = R.nodes[c0]!;
  let t = R.start[c0]! + service[prev]!;
  const tail = c1 === R.len + 1 && d1 === D.len + 1;
  if (tail && d1 - d0 > 1 && model.vehicles[R.vehicle]!.endClass === model.vehicles[D.vehicle]!.endClass) {
    const first = D.nodes[d0 + 1]!;
    return t + time[prev * nodeCount + first]! <= D.latest[d0 + 1]!;
  }
  for (let p = d0 + 1; p < d1; p++) {
    const x = D.nodes[p]!;
    const begin = earliestStart(model, x, t + time[prev * nodeCount + x]!);
    if (begin === Infinity) return false;
    t = begin + service[x]!;
    prev = x;
  }
  const next = c1 === R.len + 1 ? model.vehicles[R.vehicle]!.endNode : R.nodes[c1]!;
  return t + time[prev * nodeCount + next]! <= R.latest[c1]!;
}

/** Writes R(0..c0) + D(d0..d1) + R(c1..end) into seq; returns its length (end node included). */
function build(seq: Int32Array, R: Route, c0: number, c1: number, D: Route, d0: number, d1: number): number {
  let k = 0;
  for (let p = 0; p <= c0; p++) seq[k++] = R.nodes[p]!;
  for (let p = d0 + 1; p < d1; p++) seq[k++] = D.nodes[p]!;
  for (let p = c1; p < R.len + 1; p++) seq[k++] = R.nodes[p]!;
  seq[k++] = R.nodes[R.len + 1]!;
  return k;
}

function apply(sol: Solution, ra: number, a0: number, a1: number, rb: number, b0: number, b1: number): void {
  const A = sol.routes[ra]!;
  const B = sol.routes[rb]!;
  const lenA = build(seqA, A, a0, a1, B, b0, b1);
  const lenB = build(seqB, B, b0, b1, A, a0, a1);
  A.nodes.set(seqA.subarray(0, lenA));
  A.len = lenA - 2;
  B.nodes.set(seqB.subarray(0, lenB));
  B.len = lenB - 2;
  sol.refresh(ra);
  sol.refresh(rb);
}
