/**
 * The early hook `createService` adds when fault flags are on: closes connections (unreachable), waits
 * (latency) or answers `503 FAULT_INJECTED` (a share of requests). Health and metrics are never touched,
 * so the runner and the gateway still see the process alive.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Value } from '@sinclair/typebox/value';
import type { FastifyBaseLogger } from 'fastify';
import { request } from 'undici';
import type { App } from '../http/service.ts';
import { FaultInjected, FaultPollAnswer, faultsActive, NO_FAULTS, type FaultFlags } from './flags.ts';

/** Where an instance reads its flags: the gateway in a running system, a fixed value in tests. */
export interface FaultSource {
  current(): FaultFlags;
  start(): void;
  stop(): void;
}

/** A source whose flags a test sets directly. */
export function fixedFaults(initial: FaultFlags = NO_FAULTS): FaultSource & { set(flags: FaultFlags): void } {
  let flags = initial;
  return { current: () => flags, set: (next) => void (flags = next), start: () => {}, stop: () => {} };
}

/** A gateway that has not answered for this long no longer holds a service down (nobody could clear it). */
const STALE_AFTER_MS = 30_000;

/** Polls `GET <gateway>/internal/faults/<service>` every `pollMs`, reporting the version it applies. */
export function gatewayFaults(options: {
  service: string;
  gatewayUrl: string;
  pollMs: number;
  logger?: FastifyBaseLogger;
  now?: () => number;
}): FaultSource {
  const now = options.now ?? Date.now;
  const instance = `${hostname()}/${process.pid}`;
  let flags: FaultFlags = NO_FAULTS;
  let version = 0;
  let answeredAt = now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const apply = (next: FaultFlags, nextVersion: number): void => {
    const changed = JSON.stringify(next) !== JSON.stringify(flags);
    flags = next;
    version = nextVersion;
    if (changed)
      options.logger?.warn({ faults: next }, faultsActive(next) ? 'fault flags on' : 'fault flags off');
  };
  const poll = async (): Promise<void> => {
    const query = new URLSearchParams({ instance, version: String(version) });
    try {
      const answer = await request(
        `${options.gatewayUrl}/internal/faults/${encodeURIComponent(options.service)}?${query.toString()}`,
        { signal: AbortSignal.timeout(Math.min(options.pollMs, 2000)) },
      );
      const body: unknown = await answer.body.json();
      if (answer.statusCode === 200 && Value.Check(FaultPollAnswer, body)) {
        answeredAt = now();
        apply(body.flags, body.version);
        return;
      }
    } catch {
      // The gateway restarting or busy: keep the last flags for a while, as an outage of it would.
    }
    if (now() - answeredAt > STALE_AFTER_MS && faultsActive(flags)) apply(NO_FAULTS, version);
  };
  const loop = (): void => {
    if (stopped) return;
    void poll().finally(() => {
      if (stopped) return;
      timer = setTimeout(loop, options.pollMs);
      timer.unref();
    });
  };
  return {
    current: () => flags,
    start() {
      if (!stopped) return;
      stopped = false;
      answeredAt = now();
      loop();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

const EXEMPT = /^\/(health\/|metrics(\?|$))/;

/** Adds the fault hook to an app and ties the source's polling to the app's life. */
export function installFaults(app: App, source: FaultSource): void {
  app.addHook('onReady', async () => source.start());
  app.addHook('onClose', async () => source.stop());
  app.addHook('onRequest', async (request, reply) => {
    if (EXEMPT.test(request.url)) return;
    const flags = source.current();
    if (flags.unreachable) {
      // As a crashed or partitioned service looks to its callers: the connection drops, nothing answers.
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (flags.latencyMs > 0) await sleep(flags.latencyMs);
    if (flags.failPercent > 0 && Math.random() * 100 < flags.failPercent) {
      throw new FaultInjected(`${app.kit.name} fails ${flags.failPercent}% of requests on purpose`);
    }
  });
}
