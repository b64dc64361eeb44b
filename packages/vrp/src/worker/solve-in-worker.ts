import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { solve } from '../solve.ts';
import type { VrpOptions, VrpProblem, VrpSolution } from '../types.ts';

/**
 * Starts the worker script: `vrp-worker.js` beside a bundle (the build emits it next to the service's
 * main.js), else the TypeScript source with tsx registered inside the worker (a worker does not inherit
 * the parent's tsx hooks). Undefined when neither exists.
 */
function startWorker(workerData: unknown): Worker | undefined {
  const bundled = new URL('./vrp-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData });
  const source = new URL('./vrp-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return undefined;
  // The ESM build of tsx's API (require.resolve finds its CommonJS twin beside it).
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(tsxApi).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(boot, { eval: true, workerData, execArgv: ['--conditions=sauda-source'] });
}

/**
 * Solves in a worker thread so the caller's event loop stays responsive. Without a worker script (a bundle
 * built without it) it solves on this thread after the current tick.
 */
export function solveInWorker(
  problem: VrpProblem,
  options: Omit<VrpOptions, 'now'> = {},
): Promise<VrpSolution> {
  const worker = startWorker({ problem, options });
  if (!worker) return new Promise((resolve) => setImmediate(() => resolve(solve(problem, options))));
  return new Promise((resolve, reject) => {
    worker.once('message', (solution: VrpSolution) => {
      resolve(solution);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`vrp worker exited with code ${code}`));
    });
  });
}
