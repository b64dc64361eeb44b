import { earliestStart, latestStart, type Model } from './model.ts';

/**
 * One vehicle's sequence with its slack data: `start[p]` is the earliest service start at position p and
 * `latest[p]` the latest arrival at p that keeps the rest of the route feasible, so inserting a job
 * between p and p+1 is checked in O(1). Breaks are not in the slack data (it is a relaxation for them).
 */
export class Route {
  readonly nodes: Int32Array;
  readonly start: Float64Array;
  readonly latest: Float64Array;
  readonly load: Float64Array;
  /** prefix[p * dims + d]: load of positions 1..p in dimension d. */
  readonly prefix: Float64Array;
  /** Position of the last locked job (0 when none): tails after it may move. */
  lastLocked = 0;
  len = 0;
  distance = 0;

  constructor(
    model: Model,
    readonly vehicle: number,
  ) {
    const size = model.n + 2;
    this.nodes = new Int32Array(size);
    this.start = new Float64Array(size);
    this.latest = new Float64Array(size);
    this.load = new Float64Array(model.dims);
    this.prefix = new Float64Array(size * model.dims);
    this.nodes[0] = model.vehicles[vehicle]!.startNode;
    this.nodes[1] = model.vehicles[vehicle]!.endNode;
  }

  /** Recomputes times, slack, load and distance after the sequence changed; records job positions. */
  update(model: Model, routeOf: Int32Array, posOf: Int32Array, index: number): void {
    const { time, dist, service, nodeCount, open, close, singleWindow, demand, dims } = model;
    const vehicle = model.vehicles[this.vehicle]!;
    const nodes = this.nodes;
    const last = this.len + 1;
    nodes[last] = vehicle.endNode;
    this.load.fill(0);
    this.lastLocked = 0;
    let distance = 0;
    let t = vehicle.shiftStart;
    this.start[0] = t;
    for (let p = 1; p <= last; p++) {
      const x = nodes[p - 1]!;
      const y = nodes[p]!;
      distance += dist[x * nodeCount + y]!;
      const arrival = t + service[x]! + time[x * nodeCount + y]!;
      if (singleWindow[y] === 1) t = arrival <= close[y]! ? Math.max(arrival, open[y]!) : Infinity;
      else t = earliestStart(model, y, arrival);
      this.start[p] = t;
      if (p < last) {
        routeOf[y] = index;
        posOf[y] = p;
        for (let d = 0; d < dims; d++) {
          this.load[d]! += demand[y * dims + d]!;
          this.prefix[p * dims + d] = this.load[d]!;
        }
        if (model.locked[y] === 1) this.lastLocked = p;
      }
    }
    this.distance = distance;
    let limit = vehicle.shiftEnd;
    this.latest[last] = limit;
    for (let p = last - 1; p >= 0; p--) {
      const x = nodes[p]!;
      limit = limit - time[x * nodeCount + nodes[p + 1]!]! - service[x]!;
      if (singleWindow[x] === 1) limit = open[x]! <= limit ? Math.min(limit, close[x]!) : -Infinity;
      else limit = latestStart(model, x, limit);
      this.latest[p] = limit;
    }
  }

  /** Copies another route of the same vehicle (sequence and derived data). */
  copyFrom(other: Route): void {
    const size = other.len + 2;
    this.len = other.len;
    this.distance = other.distance;
    this.lastLocked = other.lastLocked;
    this.prefix.set(other.prefix.subarray(0, size * other.load.length));
    this.nodes.set(other.nodes.subarray(0, size));
    this.start.set(other.start.subarray(0, size));
    this.latest.set(other.latest.subarray(0, size));
    this.load.set(other.load);
  }
}
