/**
 * The bench's own checker: recomputes everything from the instance's coordinates and rules, sharing no
 * code with the solver nor with the library's validator.
 */
import type { VrpSolution } from '@sauda/vrp';
import { edge, type Instance } from './instances.ts';

const EPS = 1e-6;

/** Errors found (empty when valid) and the distance recomputed from coordinates. */
export function checkSolution(
  instance: Instance,
  solution: VrpSolution,
): { errors: string[]; distance: number } {
  const errors: string[] = [];
  const customers = instance.x.length - 1;
  const visits = new Array<number>(customers + 1).fill(0);
  let distance = 0;
  const routes = solution.routes.filter((route) => route.jobIds.length > 0);
  if (routes.length > instance.fleet) errors.push(`${routes.length} routes, fleet is ${instance.fleet}`);
  for (const route of routes) {
    const stops = route.jobIds.map(Number);
    let load = 0;
    let time = instance.ready[0]!;
    let at = 0;
    for (const stop of stops) {
      if (!Number.isInteger(stop) || stop < 1 || stop > customers) {
        errors.push(`unknown customer ${stop}`);
        continue;
      }
      visits[stop]!++;
      load += instance.demand[stop]!;
      distance += edge(instance, at, stop);
      time = Math.max(time + instance.service[at]! + edge(instance, at, stop), instance.ready[stop]!);
      if (time > instance.due[stop]! + EPS)
        errors.push(`customer ${stop} served at ${time}, due ${instance.due[stop]}`);
      at = stop;
    }
    distance += edge(instance, at, 0);
    time += instance.service[at]! + edge(instance, at, 0);
    if (time > instance.due[0]! + EPS)
      errors.push(`a route returns at ${time}, depot closes ${instance.due[0]}`);
    if (load > instance.capacity) errors.push(`a route carries ${load} > ${instance.capacity}`);
  }
  for (let c = 1; c <= customers; c++) {
    if (visits[c] !== 1) errors.push(`customer ${c} visited ${visits[c]} times`);
  }
  return { errors, distance };
}
