/** Worker-thread entry: solves the problem in workerData and posts the solution back. */
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from '../solve.ts';
import type { VrpOptions, VrpProblem } from '../types.ts';

const { problem, options } = workerData as { problem: VrpProblem; options: VrpOptions };
parentPort?.postMessage(solve(problem, options));
