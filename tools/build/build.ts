/**
 * `npm run build`: bundles every service to services/<name>/dist/main.js and builds the web app.
 * Workspace packages (@sauda/*) are bundled from their TypeScript source; other packages stay
 * external and load from node_modules, so native modules and CJS packages work unchanged.
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InlineConfig } from 'vite';
import { externalDependencies } from './externals.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(REPO, 'apps', 'web');
// Bundled code that calls require() (CJS inside a workspace package) needs one in ESM scope.
const REQUIRE_BANNER =
  "import { createRequire as __saudaCreateRequire } from 'node:module'; const require = __saudaCreateRequire(import.meta.url);";

const serviceOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  conditions: ['sauda-source'],
  banner: { js: REQUIRE_BANNER },
  logLevel: 'warning',
};

/** Bundles one service (and the worker threads its libraries declare) into its dist/; returns a progress line. */
async function buildService(name: string): Promise<string> {
  const since = performance.now();
  const outdir = join(REPO, 'services', name, 'dist');
  const outfile = join(outdir, 'main.js');
  const workers = await workerEntries(name);
  const entryPoints = { main: join(REPO, 'services', name, 'src', 'main.ts'), ...workers };
  await build({ ...serviceOptions, entryPoints, outdir, plugins: [externalDependencies(outdir)] });
  const { size } = await stat(outfile);
  const extra = Object.keys(workers).length ? ` + ${Object.keys(workers).join(', ')}` : '';
  return `${name.padEnd(12)} ${relative(REPO, outfile)}${extra}  ${kilobytes(size)}  ${took(since)}`;
}

/**
 * Worker-thread scripts a service needs: a workspace library declares them once in its package.json
 * (`"sauda": { "workers": { "<bundle name>": "<source path>" } }`) and they are bundled beside main.js.
 */
async function workerEntries(service: string): Promise<Record<string, string>> {
  const manifest = await readJson(join(REPO, 'services', service, 'package.json'));
  const entries: Record<string, string> = {};
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (!dependency.startsWith('@sauda/')) continue;
    const library = join(REPO, 'packages', dependency.slice('@sauda/'.length));
    if (!existsSync(join(library, 'package.json'))) continue;
    const workers = (await readJson(join(library, 'package.json'))).sauda?.workers ?? {};
    for (const [bundle, source] of Object.entries(workers)) entries[bundle] = join(library, source);
  }
  return entries;
}

interface Manifest {
  dependencies?: Record<string, string>;
  sauda?: { workers?: Record<string, string> };
}

async function readJson(path: string): Promise<Manifest> {
  return JSON.parse(await readFile(path, 'utf8')) as Manifest;
}

/** Builds apps/web with its own Vite (the version its config is written for). */
async function buildWeb(): Promise<string> {
  const since = performance.now();
  const configFile = join(WEB, 'vite.config.ts');
  const vitePath = createRequire(join(WEB, 'package.json')).resolve('vite');
  const vite = (await import(pathToFileURL(vitePath).href)) as {
    build(config: InlineConfig): Promise<unknown>;
  };
  await vite.build({ configFile, root: WEB, logLevel: 'warn' });
  return `${'web'.padEnd(12)} ${relative(REPO, join(WEB, 'dist'))}/  ${took(since)}`;
}

async function serviceNames(): Promise<string[]> {
  const entries = await readdir(join(REPO, 'services'), { withFileTypes: true });
  return entries
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(REPO, 'services', entry.name, 'src', 'main.ts')),
    )
    .map((entry) => entry.name)
    .sort();
}

async function main(): Promise<void> {
  const since = performance.now();
  const names = await serviceNames();
  const withWeb = existsSync(join(WEB, 'vite.config.ts'));
  console.log(`build: ${names.length} services${withWeb ? ' and the web app' : ''}`);
  const jobs = [
    ...names.map((name) => ({ name, run: () => buildService(name) })),
    ...(withWeb ? [{ name: 'web', run: buildWeb }] : []),
  ];
  // Every job runs to the end, so one broken service does not hide another's errors.
  const results = await Promise.all(
    jobs.map(({ name, run }) =>
      run().then(
        (line) => (console.log(`  ✓ ${line}`), true),
        (error: unknown) => (console.error(`  ✗ ${name}${failureDetail(error)}`), false),
      ),
    ),
  );
  const failed = results.filter((ok) => !ok).length;
  if (failed > 0) {
    console.error(`build failed: ${failed} of ${jobs.length} (errors above)`);
    process.exitCode = 1;
    return;
  }
  console.log(`build: done in ${took(since)}`);
}

// esbuild has already printed its own errors with code frames; anything else needs its message.
function failureDetail(error: unknown): string {
  const isEsbuild = typeof error === 'object' && error !== null && 'errors' in error;
  return isEsbuild ? '' : `: ${error instanceof Error ? error.message : String(error)}`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

function took(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

await main();
