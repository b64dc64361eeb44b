/**
 * The web app's bundle budget (issue 11): a first visit stays light and every area loads as its own chunk.
 * Builds apps/web into a temporary folder with its own Vite config, then weighs the manifest's chunks.
 * The budgets and how to read a failure are in apps/web/README.md ("Bundle budget").
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBundle, type BundleReport } from './measure.ts';

/** Gzipped kilobytes (1 kB = 1,000 bytes). */
export const BUDGETS = {
  /** Everything the first visit downloads before the page can run: entry JS, its static imports, CSS. */
  entryKb: 250,
  /** What any one lazily loaded chunk (an area's pages, the assistant) adds on top of the entry. */
  lazyChunkKb: 60,
};

const WEB = fileURLToPath(new URL('../../apps/web/', import.meta.url));
let outDir = '';
let report: BundleReport;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sauda-web-budget-'));
  const vitePath = createRequire(join(WEB, 'package.json')).resolve('vite');
  const vite = (await import(pathToFileURL(vitePath).href)) as {
    build(config: InlineConfig): Promise<unknown>;
  };
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await vite.build({
    configFile: join(WEB, 'vite.config.ts'),
    root: WEB,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
  });
  process.env.NODE_ENV = nodeEnv;
  report = measureBundle(outDir);
}, 300_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

describe('the web bundle', () => {
  it(`loads the first page in at most ${BUDGETS.entryKb} kB gzipped (JS and CSS)`, () => {
    const { js, css, total } = report.entry;
    console.info(`entry: ${kb(total)} kB gzipped (JS ${kb(js)} kB, CSS ${kb(css)} kB)`);
    expect(kb(total)).toBeLessThanOrEqual(BUDGETS.entryKb);
  });

  it(`adds at most ${BUDGETS.lazyChunkKb} kB gzipped per lazily loaded chunk`, () => {
    for (const chunk of report.lazy.slice(0, 5)) console.info(`lazy: ${chunk.source} ${kb(chunk.total)} kB`);
    const over = report.lazy
      .filter((chunk) => kb(chunk.total) > BUDGETS.lazyChunkKb)
      .map((chunk) => `${chunk.source}: ${kb(chunk.total)} kB`);
    expect(over).toEqual([]);
  });

  it('gives every area with pages its own lazily loaded chunk, outside the entry', async () => {
    const areas = (await readdir(join(WEB, 'src', 'areas'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const lazySources = report.lazy.map((chunk) => chunk.source);
    const eager = areas.filter(
      (area) => !lazySources.some((source) => source.startsWith(`src/areas/${area}/`)),
    );
    expect(eager).toEqual([]);
  });
});
