/** Bench lane (a child process): parses one instance, solves it, checks it twice, sends one record back. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { solve, validateSolution } from '@sauda/vrp';
import { checkSolution } from './check.ts';
import { parseCvrplib, parseSolomon } from './instances.ts';

/** What the bench asks a worker to do. */
export interface Task {
  path: string;
  budgetMs: number;
  objective: 'distance' | 'vehicles';
  seed: number;
  /** `cpu`: the budget counts this process's CPU time (fair on a shared machine); `wall`: elapsed time. */
  clock: 'cpu' | 'wall';
}

/** One line of the results. */
export interface InstanceRecord {
  instance: string;
  vehicles: number;
  distance: number;
  feasible: boolean;
  millis: number;
  cpuMillis: number;
  iterations: number;
  errors: string[];
}

export async function solveInstance(task: Task): Promise<InstanceRecord> {
  const text = await readFile(task.path, 'utf8');
  const name = basename(task.path).replace(/\.(txt|vrp)$/i, '');
  const instance = task.path.endsWith('.vrp') ? parseCvrplib(name, text) : parseSolomon(name, text);
  const problem = { ...instance.problem, objective: task.objective };
  const cpu = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const since = performance.now();
  const cpuSince = cpu();
  const now = task.clock === 'cpu' ? cpu : () => performance.now();
  const solution = solve(problem, { budgetMs: task.budgetMs, seed: task.seed, now });
  const millis = Math.round(performance.now() - since);
  const cpuMillis = Math.round(cpu() - cpuSince);
  const checked = checkSolution(instance, solution);
  const errors = [...validateSolution(problem, solution).errors, ...checked.errors];
  return {
    instance: name,
    vehicles: solution.vehicles,
    distance: Math.round(checked.distance * 100) / 100,
    feasible: solution.feasible && errors.length === 0,
    millis,
    cpuMillis,
    iterations: solution.iterations,
    errors: errors.slice(0, 5),
  };
}

// Run as a child process of the bench: one task per message, one record back.
process.on('message', (task: Task) => {
  void solveInstance(task).then((record) => process.send?.(record));
});
