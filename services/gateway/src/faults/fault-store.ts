/**
 * The fault flags of every service (ADR 0007), kept in the gateway's memory: one control point every
 * instance polls. A restart of the gateway clears them, which is the safe way to fail for a dev switch.
 */
import { errorType, faultsActive, NO_FAULTS, type FaultFlags, type FaultPollAnswer } from '@sauda/kit';
import { Type, type Static } from '@sinclair/typebox';

export const FaultTargetUnknown = errorType(
  'FAULT_TARGET_UNKNOWN',
  404,
  'There is no such service to switch faults on',
);

/** One service's flags as the admin page shows them. */
export const FaultState = Type.Object({
  service: Type.String(),
  failPercent: Type.Integer(),
  latencyMs: Type.Integer(),
  unreachable: Type.Boolean(),
  /** Any fault is on. */
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Instances that polled in the last few seconds. */
  instances: Type.Integer(),
  /** Every one of those instances applies the current version (and at least one does, when a flag is on). */
  applied: Type.Boolean(),
});
export type FaultState = Static<typeof FaultState>;

// An instance that has not polled for this long is gone (restarted with a new pid, or stopped).
const SEEN_FOR_MS = 5000;
// Polls are unauthenticated: a flood of made-up instance names must not grow memory without bound.
const MAX_INSTANCES = 64;

interface Entry {
  flags: FaultFlags;
  version: number;
  updatedAt: Date | null;
  seen: Map<string, { version: number; at: number }>;
}

export interface FaultStore {
  list(): FaultState[];
  set(service: string, flags: FaultFlags): FaultState;
  /** Switches every fault off. */
  clear(): FaultState[];
  /** What an instance of `service` reads; records that it applies `version`. */
  poll(service: string, instance: string, version: number): FaultPollAnswer;
}

/** A store for these services; versions grow across all of them so none ever repeats. */
export function createFaultStore(services: readonly string[], now: () => number = Date.now): FaultStore {
  const entries = new Map<string, Entry>(
    services.map((service) => [service, { flags: NO_FAULTS, version: 0, updatedAt: null, seen: new Map() }]),
  );
  let version = 0;
  const entryOf = (service: string): Entry => {
    const entry = entries.get(service);
    if (!entry) throw new FaultTargetUnknown(`No service called "${service}" runs behind this gateway`);
    return entry;
  };
  const stateOf = (service: string, entry: Entry): FaultState => {
    const recent = [...entry.seen.values()].filter((s) => now() - s.at <= SEEN_FOR_MS);
    const active = faultsActive(entry.flags);
    return {
      service,
      ...entry.flags,
      active,
      version: entry.version,
      updatedAt: entry.updatedAt?.toISOString() ?? null,
      instances: recent.length,
      applied: recent.every((s) => s.version >= entry.version) && (!active || recent.length > 0),
    };
  };
  const set = (service: string, flags: FaultFlags): FaultState => {
    const entry = entryOf(service);
    version += 1;
    entry.flags = { ...flags };
    entry.version = version;
    entry.updatedAt = new Date(now());
    return stateOf(service, entry);
  };
  return {
    list: () => [...entries].map(([service, entry]) => stateOf(service, entry)),
    set,
    clear: () =>
      [...entries].map(([service, entry]) =>
        faultsActive(entry.flags) ? set(service, NO_FAULTS) : stateOf(service, entry),
      ),
    poll(service, instance, applied) {
      const entry = entryOf(service);
      for (const [name, seen] of entry.seen) if (now() - seen.at > SEEN_FOR_MS) entry.seen.delete(name);
      if (entry.seen.has(instance) || entry.seen.size < MAX_INSTANCES)
        entry.seen.set(instance, { version: applied, at: now() });
      return { service, version: entry.version, flags: entry.flags };
    },
  };
}
