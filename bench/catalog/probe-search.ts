/**
 * Times the catalog's search statements alone against a seeded shop database (no HTTP, no cache): what one
 * distinct query costs cold. Used by run.ts after the load; also a CLI:
 *   DATABASE_URL=… node --conditions=sauda-source --import tsx bench/catalog/probe-search.ts [--repeat 5]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProductQuery } from '@sauda/contracts';
import { createDb } from '../../packages/kit/src/db/db.ts';
import { listingFacets, listingPage } from '../../services/shop/src/data/search-repo.ts';
import { textSearch } from '../../services/shop/src/data/text-search-repo.ts';

export interface Probe {
  name: string;
  minMs: number;
  medianMs: number;
}

const WORDS = [
  'jacket',
  'sneakers',
  'смартфон',
  'tea',
  'chair',
  'кроссовки',
  'samsung',
  'blanket',
  'yoga mat',
  'serum',
];

/** Runs each statement `repeat` times on its own connection and reports the fastest and the median. */
export async function probeStatements(url: string, repeat = 3): Promise<Probe[]> {
  const db = createDb(url, { max: 1, applicationName: 'bench-probe' });
  const base: ProductQuery = { page: 1, limit: 20, sort: 'relevance' };
  const cases: Array<[string, () => Promise<unknown>]> = [
    ...WORDS.map((q): [string, () => Promise<unknown>] => [
      `text "${q}"`,
      () => textSearch(db, { ...base, q }),
    ]),
    ['text "jacket", price_asc', () => textSearch(db, { ...base, q: 'jacket', sort: 'price_asc' })],
    ['typo "samsnug" (trigram fallback)', () => textSearch(db, { ...base, q: 'samsnug' })],
    ['listing page, no text', () => listingPage(db, base)],
    ['listing facets, whole catalog', () => listingFacets(db, base)],
    ['listing facets, one category', () => listingFacets(db, { ...base, category: 'smartphones' })],
  ];
  const probes: Probe[] = [];
  try {
    for (const [name, run] of cases) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i += 1) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      probes.push({
        name,
        minMs: +(times[0] ?? 0).toFixed(1),
        medianMs: +(times[Math.floor(times.length / 2)] ?? 0).toFixed(1),
      });
    }
  } finally {
    await db.end();
  }
  return probes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { repeat: { type: 'string', default: '5' } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  for (const p of await probeStatements(url, Number(values.repeat)))
    process.stdout.write(`${p.name.padEnd(36)} min ${p.minMs} ms  median ${p.medianMs} ms\n`);
}
