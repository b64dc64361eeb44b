import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { StartupError } from './errors.ts';
import type { Supervisor } from './supervisor.ts';

/**
 * Polls `url` until it answers 2xx. Stops early when `giveUp()` returns a reason (the process died),
 * when `signal` aborts, or after `timeoutMs`.
 */
export async function waitForOk(
  url: string,
  options: { timeoutMs: number; signal?: AbortSignal; giveUp: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    options.signal?.throwIfAborted();
    const reason = options.giveUp();
    if (reason) throw new StartupError(reason);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.ok) return;
      // The readiness answer names the check that fails: worth showing if it never passes.
      lastProblem = `HTTP ${response.status} ${body.slice(0, 300)}`.trim();
    } catch (error) {
      // Refused connections are expected until the service listens.
      const cause = (error as { cause?: { code?: unknown } }).cause;
      lastProblem = typeof cause?.code === 'string' ? cause.code : (error as Error).message;
    }
    if (Date.now() > deadline) {
      throw new StartupError(
        `${url} did not answer 2xx within ${options.timeoutMs / 1000}s (${lastProblem})`,
      );
    }
    await sleep(200, undefined, { signal: options.signal });
  }
}

/** Waits until every `targets` supervisor answers `path`; fails as soon as any supervised service dies. */
export async function waitAll(
  all: Supervisor[],
  path: string,
  ctx: { signal?: AbortSignal | undefined; logsDir: string; timeoutMs: number },
  targets = all,
): Promise<void> {
  const deadReason = () => {
    const dead = all.find((s) => s.failure);
    return dead && explain(dead, dead.failure ?? 'died', ctx.logsDir);
  };
  // The first failure ends the other waits too, so no polling outlives a failed start.
  const local = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, local.signal]) : local.signal;
  const waits = targets.map(async (s) => {
    const url = `http://127.0.0.1:${s.port}${path}`;
    try {
      await waitForOk(url, { timeoutMs: ctx.timeoutMs, giveUp: deadReason, signal });
    } catch (error) {
      if (!(error instanceof StartupError) || deadReason()) throw error;
      throw new StartupError(explain(s, `${s.service.name}: ${error.message}`, ctx.logsDir));
    }
  });
  try {
    await Promise.all(waits);
  } finally {
    local.abort();
    await Promise.allSettled(waits);
  }
}

function explain(supervisor: Supervisor, what: string, logsDir: string): string {
  const tail = (supervisor.tail() || '(nothing)').replace(/^/gm, '    ');
  return `${what}. Its last lines:\n${tail}\nFull log: ${join(logsDir, `${supervisor.service.name}.log`)}`;
}
