/**
 * `npm start`: runs the whole marketplace locally (embedded PostgreSQL, every service, the web app).
 * Usage: npm start -- [--reset] [--port N] [--replicas shop=2,stock=2]
 */
import { parseArgs } from 'node:util';
import { StartupError } from './errors.ts';
import { parseReplicas } from './replicas.ts';
import { startSystem, type RunningSystem } from './system.ts';

const USAGE = `Usage: npm start -- [options]

  --port N     gateway port (default 8080)
  --reset      delete the local data (.data/) and start from a fresh demo
  --replicas   several instances of a service, e.g. shop=2 (the gateway balances over them)
  -h, --help   show this help`;
// npm forwards the terminal's SIGINT to us, so one Ctrl-C can arrive twice within milliseconds;
// only a repeat after this long is a human asking to force.
const REPEAT_IS_FORCE_AFTER_MS = 1_000;

function parseOptions(): { port?: number; reset: boolean; replicas: Record<string, number> } {
  const values = parseFlags();
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const replicas = parseReplicas(values.replicas ?? []);
  if (values.port === undefined) return { reset: values.reset, replicas };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new StartupError(`--port: "${values.port}" is not a port`);
  return { port, reset: values.reset, replicas };
}

function parseFlags(): {
  port?: string | undefined;
  reset: boolean;
  help: boolean;
  replicas?: string[] | undefined;
} {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        replicas: { type: 'string', multiple: true },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return values;
  } catch (error) {
    throw new StartupError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const starting = new AbortController();
  let system: RunningSystem | undefined;
  let firstSignalAt: number | undefined;

  const onSignal = (name: NodeJS.Signals) => {
    const now = Date.now();
    if (firstSignalAt !== undefined) {
      if (now - firstSignalAt < REPEAT_IS_FORCE_AFTER_MS) return;
      console.error('\nForced exit; services killed. The next start recovers PostgreSQL.');
      process.exit(130); // the 'exit' handlers SIGKILL the services and stop PostgreSQL immediately
    }
    firstSignalAt = now;
    console.log(`\n${name === 'SIGINT' ? 'Ctrl-C' : name}: stopping Sauda… (Ctrl-C again to force)`);
    if (system) void shutDown(system);
    else starting.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  try {
    system = await startSystem({ ...options, signal: starting.signal });
  } catch (error) {
    if (starting.signal.aborted) {
      console.log('Stopped.');
      process.exit(130);
    }
    throw error;
  }
  // A signal that arrived while startSystem was resolving found no system to stop yet.
  if (firstSignalAt !== undefined) await shutDown(system);
}

async function shutDown(system: RunningSystem): Promise<void> {
  await system.stop();
  console.log('Stopped.');
  process.exit(0);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) console.error(`\n✗ Sauda did not start: ${error.message}`);
  else console.error('\n✗ Sauda did not start:', error);
  process.exit(1);
});
