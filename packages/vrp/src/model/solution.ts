import type { Model } from './model.ts';
import { Route } from './route.ts';

/** A working solution: one Route per vehicle (maybe empty) and the list of unassigned jobs. */
export class Solution {
  readonly routes: Route[];
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly unassigned: Int32Array;
  unassignedCount = 0;

  constructor(readonly model: Model) {
    this.routes = model.vehicles.map((_, v) => new Route(model, v));
    this.routeOf = new Int32Array(model.n).fill(-1);
    this.posOf = new Int32Array(model.n).fill(-1);
    this.unassigned = new Int32Array(model.n);
    for (let r = 0; r < this.routes.length; r++) this.refresh(r);
  }

  /** Objective: distance plus the fixed cost of each used vehicle (unassigned jobs are priced by the caller). */
  cost(): number {
    let total = 0;
    for (const route of this.routes) {
      if (route.len > 0) total += route.distance + this.model.vehicles[route.vehicle]!.fixedCost;
    }
    return total;
  }

  usedVehicles(): number {
    let used = 0;
    for (const route of this.routes) if (route.len > 0) used++;
    return used;
  }

  /** Re-derives one route's data after its sequence changed. */
  refresh(r: number): void {
    this.routes[r]!.update(this.model, this.routeOf, this.posOf, r);
  }

  addUnassigned(job: number): void {
    this.routeOf[job] = -1;
    this.unassigned[this.unassignedCount++] = job;
  }

  copyFrom(other: Solution): void {
    for (let r = 0; r < this.routes.length; r++) this.routes[r]!.copyFrom(other.routes[r]!);
    this.routeOf.set(other.routeOf);
    this.posOf.set(other.posOf);
    this.unassigned.set(other.unassigned.subarray(0, other.unassignedCount));
    this.unassignedCount = other.unassignedCount;
  }

  /** Copies only the routes flagged in `touched`, plus the job maps and unassigned list. */
  copyTouched(other: Solution, touched: Uint8Array): void {
    for (let r = 0; r < this.routes.length; r++)
      if (touched[r] === 1) this.routes[r]!.copyFrom(other.routes[r]!);
    this.routeOf.set(other.routeOf);
    this.posOf.set(other.posOf);
    this.unassigned.set(other.unassigned.subarray(0, other.unassignedCount));
    this.unassignedCount = other.unassignedCount;
  }
}
