/**
 * The fault schedule of a chaos run, as data: a SIGKILL of a random service every few seconds, and in
 * between a rotation of network faults in front of PostgreSQL and payment, broker restarts, and a
 * database restart in the middle of the run (and every few minutes in a long one).
 */
import { seededRandom } from '@sauda/kit/random';
import type { Fault } from './proxy.ts';

/** One fault to inject at `atMs` after the start of the run. */
export type Step =
  | { atMs: number; kind: 'kill'; service: string }
  | { atMs: number; kind: 'proxy'; target: 'postgres' | 'payment'; fault: Fault; forMs: number }
  | { atMs: number; kind: 'broker-restart' }
  | { atMs: number; kind: 'database-restart' };

/** How dense the schedule is. */
export interface ScheduleOptions {
  durationMs: number;
  /** Services a kill may hit (instance names). */
  services: readonly string[];
  killEveryMs: number;
  /** A network fault, broker or database restart starts this often. */
  faultEveryMs: number;
  /** A database restart happens at the middle of the run and then this often. */
  databaseRestartEveryMs: number;
  /** Deterministic choice of victims: the same seed gives the same schedule. */
  seed: number;
}

/** The rotation of network and broker faults; each lasts a few seconds, then traffic is normal again. */
const ROTATION: ReadonlyArray<Omit<Extract<Step, { kind: 'proxy' }>, 'atMs'> | { kind: 'broker-restart' }> = [
  { kind: 'proxy', target: 'postgres', fault: { kind: 'latency', ms: 150 }, forMs: 8_000 },
  { kind: 'proxy', target: 'payment', fault: { kind: 'blackhole' }, forMs: 8_000 },
  { kind: 'proxy', target: 'postgres', fault: { kind: 'reset' }, forMs: 1_500 },
  { kind: 'broker-restart' },
  { kind: 'proxy', target: 'payment', fault: { kind: 'latency', ms: 800 }, forMs: 8_000 },
  { kind: 'proxy', target: 'payment', fault: { kind: 'reset' }, forMs: 3_000 },
  { kind: 'proxy', target: 'postgres', fault: { kind: 'blackhole' }, forMs: 4_000 },
];

/** Builds the schedule, ordered by time; nothing starts in the last 5 s, and every fault ends within the run. */
export function buildSchedule(options: ScheduleOptions): Step[] {
  // Seeded, so a failing schedule can be replayed by its seed.
  const random = seededRandom(options.seed);
  const last = options.durationMs - 5_000;
  const steps: Step[] = [];
  for (let at = options.killEveryMs / 2; at < last; at += options.killEveryMs) {
    const service = options.services[Math.floor(random() * options.services.length)];
    if (service) steps.push({ atMs: Math.round(at), kind: 'kill', service });
  }
  const restarts = new Set<number>();
  for (let at = options.durationMs / 2; at < last; at += options.databaseRestartEveryMs)
    restarts.add(Math.round(at));
  let turn = 0;
  for (let at = options.faultEveryMs / 3; at < last; at += options.faultEveryMs) {
    const atMs = Math.round(at);
    // A database restart takes the slot nearest to its time instead of the rotation's fault.
    const restart = [...restarts].find((r) => Math.abs(r - atMs) <= options.faultEveryMs / 2);
    if (restart !== undefined) {
      restarts.delete(restart);
      steps.push({ atMs, kind: 'database-restart' });
      continue;
    }
    const next = ROTATION[turn % ROTATION.length];
    turn += 1;
    if (!next) continue;
    if (next.kind === 'broker-restart') steps.push({ atMs, kind: 'broker-restart' });
    else steps.push({ ...next, atMs, forMs: Math.min(next.forMs, last - atMs) });
  }
  for (const atMs of restarts) steps.push({ atMs, kind: 'database-restart' });
  return steps.sort((a, b) => a.atMs - b.atMs);
}

/** One line per step, for logs and the report. */
export function describeStep(step: Step): string {
  const at = `${(step.atMs / 1000).toFixed(1)}s`;
  switch (step.kind) {
    case 'kill':
      return `${at} SIGKILL ${step.service}`;
    case 'proxy':
      return `${at} ${step.target} ${step.fault.kind}${step.fault.kind === 'latency' ? ` ${step.fault.ms}ms` : ''} for ${step.forMs / 1000}s`;
    case 'broker-restart':
      return `${at} broker restart (every pg-boss connection to the bus dropped)`;
    case 'database-restart':
      return `${at} PostgreSQL restart`;
  }
}
