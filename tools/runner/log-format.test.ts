import { describe, expect, it } from 'vitest';
import { formatLogLine, parsePinoLine, servicePrefix } from './log-format.ts';

const plain = { color: false };
// Built from local time so the expected clock does not depend on the machine's time zone.
const time = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
const pino = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time, pid: 7, hostname: 'box', name: 'users', msg: 'hello', ...fields });

describe('log line formatting', () => {
  it('shows a pino line as time, level and message, without the pid and hostname noise', () => {
    expect(formatLogLine(pino({}), plain)).toBe('03:04:05.006 INFO  hello');
  });

  it('keeps the extra context fields as key=value so nothing is lost', () => {
    const line = pino({ msg: 'order placed', orderId: 'SD-7K3Q-91XM', lines: 2, note: 'two words' });
    expect(formatLogLine(line, plain)).toBe(
      '03:04:05.006 INFO  order placed orderId=SD-7K3Q-91XM lines=2 note="two words"',
    );
  });

  it("summarises the kit's request log as method, path, status and duration, without the correlation ids", () => {
    const line = pino({
      msg: 'request completed',
      service: 'users',
      reqId: 'a1',
      traceId: 't1',
      spanId: 's1',
      method: 'GET',
      url: '/products?limit=2',
      status: 200,
      ms: 56.4,
    });
    expect(formatLogLine(line, plain)).toBe(
      '03:04:05.006 INFO  request completed GET /products?limit=2 200 56ms',
    );
  });

  it('summarises a Fastify request log as method, path and status', () => {
    const line = pino({
      msg: 'request completed',
      reqId: 'r1',
      req: { method: 'GET', url: '/api/products' },
      res: { statusCode: 200 },
    });
    expect(formatLogLine(line, plain)).toBe('03:04:05.006 INFO  request completed GET /api/products 200');
  });

  it('prints an error with its stack on the following lines', () => {
    const line = pino({
      level: 50,
      msg: 'boom',
      err: { type: 'Error', message: 'db down', stack: 'Error: db down\n    at x (a.ts:1)' },
    });
    expect(formatLogLine(line, plain)).toBe('03:04:05.006 ERROR boom\nError: db down\n    at x (a.ts:1)');
  });

  it('understands level labels as well as numbers', () => {
    expect(formatLogLine(pino({ level: 'warn' }), plain)).toBe('03:04:05.006 WARN  hello');
  });

  it.each([
    ['plain text', 'Server listening at http://127.0.0.1:8101'],
    ['a stack frame', '    at main (file:///services/users/dist/main.js:10:5)'],
    ['JSON that is not a log entry', '{"hello":"world"}'],
    ['truncated JSON', '{"level":30,"msg":"cut'],
  ])('passes %s through unchanged', (_case, line) => {
    expect(parsePinoLine(line)).toBeUndefined();
    expect(formatLogLine(line, plain)).toBe(line);
  });

  it('colours only when asked to', () => {
    expect(formatLogLine(pino({}), { color: true })).toContain('\x1b[32mINFO');
    expect(formatLogLine(pino({}), plain)).not.toContain('\x1b[');
  });
});

describe('service prefix', () => {
  it('pads every name to the same width so messages line up', () => {
    expect(servicePrefix('users', 0, 7, plain)).toBe('users   │ ');
    expect(servicePrefix('gateway', 2, 7, plain)).toBe('gateway │ ');
  });

  it('gives neighbouring services different colours', () => {
    expect(servicePrefix('users', 0, 5, { color: true })).not.toBe(
      servicePrefix('users', 1, 5, { color: true }),
    );
  });
});
