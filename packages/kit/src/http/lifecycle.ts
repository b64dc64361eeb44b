/**
 * Listening and graceful shutdown: on SIGTERM/SIGINT stop accepting, report not-ready, drain in-flight
 * requests, then close consumers, relays and pools in order, all within a deadline.
 */
import { flushTracing } from '../observability/tracing.ts';
import type { App } from './service.ts';

/** Something to close on shutdown; closers run one after another in the order given. */
export type Closer = () => Promise<void> | void;

export interface RunOptions {
  port: number;
  host: string;
  /** Hard deadline for the whole shutdown; past it the process exits with code 1. */
  shutdownTimeoutMs: number;
  /**
   * Run after the HTTP server stopped, in this order: list background loops first, then the data runtime
   * (consumers, relay, pool), then clients — whatever a closer's work still uses is closed after it.
   */
  closers?: Closer[];
}

/** Starts listening and installs the signal handlers. Resolves once listening. */
export async function runService(
  app: App,
  options: RunOptions,
): Promise<{ shutdown: (reason: string) => Promise<void> }> {
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    shuttingDown ??= (async () => {
      app.log.info({ reason }, 'shutting down');
      app.kit.draining = true;
      const deadline = setTimeout(() => {
        app.log.error({ timeoutMs: options.shutdownTimeoutMs }, 'shutdown deadline passed; exiting');
        process.exit(1);
      }, options.shutdownTimeoutMs);
      deadline.unref();
      try {
        await app.close();
        for (const close of options.closers ?? []) await close();
        await flushTracing();
        app.log.info('stopped');
      } catch (error) {
        app.log.error({ err: error }, 'error during shutdown');
        process.exitCode = 1;
      } finally {
        clearTimeout(deadline);
      }
    })();
    return shuttingDown;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void shutdown(signal).then(() => process.exit());
    });
  }
  process.on('unhandledRejection', (error) => app.log.error({ err: error }, 'unhandled rejection'));
  await app.listen({ port: options.port, host: options.host });
  return { shutdown };
}
