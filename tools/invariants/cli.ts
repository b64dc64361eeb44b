/**
 * `npm run invariants -- --database-url postgres://… --prefix sauda [--since ISO] [--settled-before ISO]`:
 * prints the invariant table and exits 1 when one fails.
 */
import { parseArgs } from 'node:util';
import { checkInvariants, formatResults } from './check-invariants.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    prefix: { type: 'string', default: 'sauda' },
    since: { type: 'string' },
    'settled-before': { type: 'string' },
  },
});
const adminUrl = values['database-url'];
if (!adminUrl) {
  console.error('usage: npm run invariants -- --database-url <admin URL> [--prefix sauda] [--since ISO]');
  process.exit(2);
}
const date = (value: string | undefined, flag: string): Date | undefined => {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    console.error(`${flag} is not a date: ${value}`);
    process.exit(2);
  }
  return parsed;
};
const results = await checkInvariants({
  adminUrl,
  dbPrefix: values.prefix,
  since: date(values.since, '--since'),
  settledBefore: date(values['settled-before'], '--settled-before'),
});
console.log(formatResults(results));
process.exit(results.every((r) => r.ok) ? 0 : 1);
