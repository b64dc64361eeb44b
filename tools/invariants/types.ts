/** The shapes shared by the invariant checks. */
import type { Db } from '@sauda/kit';

/** One invariant's verdict: `checked` counts the rows looked at, `details` names each violation. */
export interface InvariantResult {
  name: string;
  ok: boolean;
  checked: number;
  details: string[];
}

/** What a check reads: the services' databases and the window of the run being judged. */
export interface CheckContext {
  /** The service's database (`<prefix>_<service>`), or undefined when this system has none. */
  db(service: string): Db | undefined;
  /** The event bus database (pg-boss), when the system runs embedded. */
  bus(): Db | undefined;
  /** Only business rows created at or after this instant are judged (demo seed data predates a run). */
  since: Date;
  /** Work due before this instant must be finished: the end of the run's recovery window. */
  settledBefore: Date;
}

/** A named check. */
export interface Invariant {
  name: string;
  run(ctx: CheckContext): Promise<Omit<InvariantResult, 'name'>>;
}

/** At most this many violations are listed per invariant; the count is always exact. */
export const MAX_DETAILS = 20;

/** Builds a verdict from the violations found, keeping the list short. */
export function verdict(checked: number, violations: string[]): Omit<InvariantResult, 'name'> {
  const details = violations.slice(0, MAX_DETAILS);
  if (violations.length > MAX_DETAILS) details.push(`… and ${violations.length - MAX_DETAILS} more`);
  return { ok: violations.length === 0, checked, details };
}

/** A check whose service is not part of this system passes vacuously and says so. */
export function absent(service: string): Omit<InvariantResult, 'name'> {
  return { ok: true, checked: 0, details: [`no ${service} database: nothing to check`] };
}

/** Bigint columns arrive as strings. */
export const num = (value: unknown): number => Number(value ?? 0);
