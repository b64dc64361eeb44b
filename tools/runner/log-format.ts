/** Terminal styling; everything is plain text when `color` is false (no TTY, NO_COLOR, files). */
export interface Style {
  color: boolean;
}

const RESET = '\x1b[0m';
const PALETTE = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];
const LEVELS: Record<number, { label: string; code: number }> = {
  10: { label: 'TRACE', code: 90 },
  20: { label: 'DEBUG', code: 90 },
  30: { label: 'INFO', code: 32 },
  40: { label: 'WARN', code: 33 },
  50: { label: 'ERROR', code: 31 },
  60: { label: 'FATAL', code: 41 },
};
const LABELS = new Map(Object.entries(LEVELS).map(([n, l]) => [l.label.toLowerCase(), Number(n)]));
// Fields every pino line carries, ids for correlating in the log files (the prefix already names the
// service), and fields shown in a dedicated form: none of them are repeated as key=value.
const SHOWN_ELSEWHERE = new Set([
  ...['level', 'time', 'msg', 'pid', 'hostname', 'name', 'v', 'service', 'reqId', 'traceId', 'spanId'],
  ...['err', 'req', 'res', 'method', 'url', 'status', 'statusCode', 'ms', 'responseTime'],
]);

/** Wraps text in an SGR code when colours are on. */
export function paint(style: Style, code: number, text: string): string {
  return style.color && text !== '' ? `\x1b[${code}m${text}${RESET}` : text;
}

/** The coloured, padded name that starts every line a service prints (index -1: the runner, in grey). */
export function servicePrefix(name: string, index: number, width: number, style: Style): string {
  const colour = index < 0 ? 90 : (PALETTE[index % PALETTE.length] ?? 36);
  return `${paint(style, colour, name.padEnd(width))} ${paint(style, 90, '│')} `;
}

/** Numeric pino level of a parsed line (pino may be configured to write labels instead). */
export function levelOf(entry: Record<string, unknown>): number | undefined {
  const { level } = entry;
  if (typeof level === 'number') return level;
  return typeof level === 'string' ? LABELS.get(level.toLowerCase()) : undefined;
}

/** A pino JSON line parsed, or undefined for anything else (plain text, stack traces, partial JSON). */
export function parsePinoLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entry = value as Record<string, unknown>;
    return levelOf(entry) === undefined ? undefined : entry;
  } catch {
    return undefined;
  }
}

/**
 * Renders a child's output line: pino JSON becomes `time LEVEL msg key=value` (an error's stack on
 * the following lines); any other text is returned unchanged.
 */
export function formatLogLine(line: string, style: Style): string {
  const entry = parsePinoLine(line);
  if (!entry) return line;
  const level = levelOf(entry) ?? 30;
  const { label, code } = LEVELS[level] ?? { label: String(level), code: 37 };
  const parts = [
    paint(style, 90, clock(entry['time'])),
    paint(style, code, label.padEnd(5)),
    typeof entry['msg'] === 'string' ? entry['msg'] : '',
    httpSummary(entry),
    paint(style, 90, extraFields(entry)),
  ];
  const head = parts.filter((part) => part !== '').join(' ');
  const stack = errorStack(entry['err']);
  return stack ? `${head}\n${paint(style, level >= 50 ? 31 : 90, stack)}` : head;
}

function clock(time: unknown): string {
  const date = typeof time === 'number' || typeof time === 'string' ? new Date(time) : new Date(NaN);
  if (Number.isNaN(date.getTime())) return '--:--:--.---';
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

// Request logs become `GET /x 200 12ms`, whether the fields are flat (the kit) or nested (Fastify's).
function httpSummary(entry: Record<string, unknown>): string {
  const req = asRecord(entry['req']) ?? entry;
  const res = asRecord(entry['res']) ?? entry;
  const method = req['method'];
  const url = req['url'];
  const status = res['statusCode'] ?? entry['status'];
  const ms = entry['ms'] ?? entry['responseTime'];
  const parts: string[] = [];
  if (typeof method === 'string' && typeof url === 'string') parts.push(method, url);
  if (typeof status === 'number') parts.push(String(status));
  if (typeof ms === 'number') parts.push(`${Math.round(ms)}ms`);
  return parts.join(' ');
}

function extraFields(entry: Record<string, unknown>): string {
  return Object.entries(entry)
    .filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${compact(value)}`)
    .join(' ');
}

function compact(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

function errorStack(err: unknown): string | undefined {
  const record = asRecord(err);
  if (!record) return undefined;
  if (typeof record['stack'] === 'string') return record['stack'];
  return typeof record['message'] === 'string' ? record['message'] : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
