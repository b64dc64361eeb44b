/**
 * Schema-driven bad requests: for every operation, bodies, path segments and query strings that a careless or
 * hostile client sends. The system must answer each with a 4xx problem, never a 5xx, a crash or a stack trace.
 */
import fc from 'fast-check';
import type { Operation } from './authorization-matrix.ts';

/** One generated request. */
export interface BadRequest {
  method: string;
  url: string;
  body?: string;
  contentType?: string;
}

const nastyStrings = fc.constantFrom(
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  'http://169.254.169.254/latest/meta-data/',
  '\u0000\uffff',
  'ё'.repeat(300),
  '-1',
  '1e309',
  'NaN',
  'null',
);

const segment = fc.oneof(
  nastyStrings,
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.uuid(),
  fc.integer().map(String),
);

/** A JSON body that no route accepts as valid by chance (never `{}` or `[]`, which could mean "no change"). */
const body = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.jsonValue({ maxDepth: 3 }).filter((v) => !['{}', '[]'].includes(JSON.stringify(v))),
  },
  {
    weight: 6,
    arbitrary: fc.dictionary(
      fc.constantFrom(
        'role',
        'roles',
        'price',
        'sellerId',
        'customerId',
        'amount',
        'status',
        '__proto__',
        'constructor',
      ),
      fc.jsonValue({ maxDepth: 1 }),
      { minKeys: 1 },
    ),
  },
  { weight: 4, arbitrary: fc.string().map((s) => `{"unterminated": "${s}`) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(2_000_000)) },
);

const query = fc.dictionary(
  fc.constantFrom(
    'q',
    'page',
    'limit',
    'sort',
    'status',
    'minPrice',
    'maxPrice',
    'category',
    'from',
    'to',
    'x',
  ),
  fc.oneof(nastyStrings, fc.string({ maxLength: 20 }), fc.integer().map(String)),
  { maxKeys: 4 },
);

/** An arbitrary bad request for one operation. */
export function badRequestFor(operation: Operation): fc.Arbitrary<BadRequest> {
  const params = operation.path.match(/\{[^}]+\}/g) ?? [];
  return fc
    .record({
      segments: fc.array(segment, { minLength: params.length, maxLength: params.length }),
      query,
      body:
        operation.method === 'GET' || operation.method === 'DELETE'
          ? fc.constant(undefined)
          : fc.option(body, { nil: undefined }),
      rawBody: fc.boolean(),
    })
    .map(({ segments, query: q, body: b, rawBody }) => {
      let i = 0;
      const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(segments[i++] ?? 'x'));
      const search = new URLSearchParams(q).toString();
      const url = search ? `${path}?${search}` : path;
      if (b === undefined) return { method: operation.method, url };
      const text =
        typeof b === 'string' && (rawBody || b.startsWith('{"unterminated')) ? b : JSON.stringify(b);
      return { method: operation.method, url, body: text, contentType: 'application/json' };
    });
}

/** What an answer to a bad request must never contain: stack frames, internal paths, driver messages. */
export function leaks(text: string): string | undefined {
  const patterns: [RegExp, string][] = [
    [/\n\s+at [\w.<>]+ \(/, 'a stack trace'],
    [/\/work\/|node_modules|\.ts:\d+/, 'a source path'],
    [/syntax error at or near|duplicate key value|violates .* constraint/i, 'a database message'],
  ];
  return patterns.find(([pattern]) => pattern.test(text))?.[1];
}
