/**
 * Fault flags (issue 10, ADR 0007): per service, fail a share of incoming requests, add latency, or become
 * unreachable — for dev and test runs only. The gateway keeps them; every instance polls its own.
 */
import { Type, type Static } from '@sinclair/typebox';
import { errorType } from '../http/errors.ts';

/** What can be switched on for one service. */
export const FaultFlags = Type.Object(
  {
    /** Share of incoming requests answered `503 FAULT_INJECTED`, in percent. */
    failPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    /** Delay added before every request is handled, in milliseconds. */
    latencyMs: Type.Integer({ minimum: 0, maximum: 30_000 }),
    /** Every connection is closed unanswered (health and metrics excepted). */
    unreachable: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type FaultFlags = Static<typeof FaultFlags>;

/** What a service instance reads from the gateway when it polls. */
export const FaultPollAnswer = Type.Object({
  service: Type.String(),
  /** Grows on every change; the instance reports the version it applies. */
  version: Type.Integer({ minimum: 0 }),
  flags: FaultFlags,
});
export type FaultPollAnswer = Static<typeof FaultPollAnswer>;

/** No fault at all. */
export const NO_FAULTS: FaultFlags = Object.freeze({ failPercent: 0, latencyMs: 0, unreachable: false });

/** True when any fault is switched on. */
export function faultsActive(flags: FaultFlags): boolean {
  return flags.unreachable || flags.failPercent > 0 || flags.latencyMs > 0;
}

/** The answer of a request a fault flag failed on purpose; never seen outside dev and test runs. */
export const FaultInjected = errorType(
  'FAULT_INJECTED',
  503,
  'This service is failing on purpose (a fault flag is on)',
);
