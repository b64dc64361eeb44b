import { relative } from 'node:path';
import { formatLogLine, levelOf, paint, parsePinoLine, servicePrefix, type Style } from './log-format.ts';

/** Where the runner's progress, the services' logs and its notices go. */
export interface Reporter {
  /** The first line of a start. */
  heading(text: string): void;
  /** Runs one start-up step, showing it as pending, then ✓ with its detail and duration (or ✗). */
  step<T>(label: string, work: () => Promise<T>, detail?: (result: T) => string): Promise<T>;
  /** A line a service printed; during start-up only its warnings and errors are shown. */
  serviceLine(name: string, line: string): void;
  /** Something the runner did to a service (a crash, a restart). */
  notice(name: string, message: string, level: 'info' | 'warn'): void;
  /** Called once everything is ready: from now on every service line is shown. */
  running(summary: { url: string; elapsedMs: number; dataDir: string; services: string[] }): void;
}

/** Demo accounts the services seed in embedded mode (ARCHITECTURE §7). */
export const DEMO_ACCOUNTS = [
  ['admin@demo.sauda.kz', 'admin'],
  ['seller@demo.sauda.kz', 'seller, with the demo catalog'],
  ['customer@demo.sauda.kz', 'customer'],
  ['warehouse@demo.sauda.kz', 'warehouseman'],
  ['driver@demo.sauda.kz', 'driver'],
  ['dispatcher@demo.sauda.kz', 'dispatcher'],
  ['support@demo.sauda.kz', 'support'],
] as const;
export const DEMO_PASSWORD = 'sauda-demo-2026';
export const TEST_CARD = '4242 4242 4242 4242';

/** Prints nothing but the runner's warnings (for tests; service logs are still in `<dataDir>/logs`). */
export function quietReporter(): Reporter {
  return {
    heading: () => undefined,
    step: (_label, work) => work(),
    serviceLine: () => undefined,
    notice: (name, message, level) => {
      if (level === 'warn') console.error(`[sauda] ${name}: ${message}`);
    },
    running: () => undefined,
  };
}

/** The interactive terminal view. */
export function consoleReporter(names: readonly string[]): Reporter {
  const tty = process.stdout.isTTY;
  const style: Style = { color: tty && !process.env['NO_COLOR'] };
  const rawJson = process.env['LOG_FORMAT'] === 'json';
  const width = Math.max(...names.map((name) => name.length), 'sauda'.length);
  const prefix = (name: string) => servicePrefix(name, names.indexOf(name), width, style);
  let started = false;
  let pendingOnLastLine = false;
  const print = (text: string) => {
    pendingOnLastLine = false;
    console.log(text);
  };

  return {
    heading(text) {
      print(`\n  ${paint(style, 1, 'Sauda')} ${paint(style, 90, text)}`);
    },
    async step(label, work, detail) {
      const since = performance.now();
      if (tty) print(paint(style, 90, `  … ${label}`));
      pendingOnLastLine = tty;
      try {
        const result = await work();
        const took = paint(style, 90, seconds(performance.now() - since));
        // Replace the pending line when nothing was printed under it; otherwise just add the result.
        if (pendingOnLastLine) process.stdout.write('\x1b[1A\x1b[2K');
        print(
          `  ${paint(style, 32, '✓')} ${label}${detail ? ` ${paint(style, 90, detail(result))}` : ''}  ${took}`,
        );
        return result;
      } catch (error) {
        print(`  ${paint(style, 31, '✗')} ${label}`);
        throw error;
      }
    },
    serviceLine(name, line) {
      const entry = parsePinoLine(line);
      if (!started && (levelOf(entry ?? {}) ?? 0) < 40) return;
      if (rawJson && entry) return print(line);
      for (const part of formatLogLine(line, style).split('\n')) print(`${prefix(name)}${part}`);
    },
    notice(name, message, level) {
      print(`${prefix(name)}${paint(style, level === 'warn' ? 33 : 90, `▸ ${message}`)}`);
    },
    running({ url, elapsedMs, dataDir, services }) {
      started = true;
      const local = url.replace('127.0.0.1', 'localhost');
      const accounts = DEMO_ACCOUNTS.map(
        ([email, role]) => `      ${email.padEnd(26)} ${paint(style, 90, role)}`,
      );
      const data = relative(process.cwd(), dataDir) || '.';
      print(
        [
          '',
          `  ${paint(style, 32, '●')} Sauda is running at ${paint(style, 1, local)}  ${paint(style, 90, `(ready in ${seconds(elapsedMs)})`)}`,
          '',
          `    Demo accounts, password ${paint(style, 1, DEMO_PASSWORD)}`,
          ...accounts,
          // The sandbox bank lives in `payment`; no card to mention before it runs.
          ...(services.includes('payment')
            ? [
                `    Test card ${paint(style, 1, TEST_CARD)}  ${paint(style, 90, 'any future expiry, any CVC')}`,
              ]
            : []),
          '',
          paint(
            style,
            90,
            `    API docs ${local}/docs · data in ${data.startsWith('..') ? dataDir : data} · Ctrl-C to stop`,
          ),
          '',
        ].join('\n'),
      );
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
