/**
 * `npm run build`: bundles every service to services/<name>/dist/main.js and builds the web app.
 * Workspace packages (@sauda/*) are bundled from their TypeScript source; other packages stay
 * external and load from node_modules, so native modules and CJS packages work unchanged.
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

/** Bundles one service; returns a progress line. */
async function buildService(name: string): Promise<string> {
  const since = performance.now();
  const outfile = join(REPO, 'services', name, 'dist', 'main.js');
  const entryPoints = [join(REPO, 'services', name, 'src', 'main.ts')];
  await build({ ...serviceOptions, entryPoints, outfile, plugins: [externalDependencies(dirname(outfile))] });
  const { size } = await stat(outfile);
  return `${name.padEnd(12)} ${relative(REPO, outfile)}  ${kilobytes(size)}  ${took(since)}`;
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
