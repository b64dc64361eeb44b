/** The delivery-round optimiser: a pure TypeScript VRP solver (capacities, time windows, shifts, breaks). */
export type * from './types.ts';
export { solve } from './solve.ts';
export { validateSolution } from './validate/validate-solution.ts';
export { solveInWorker } from './worker/solve-in-worker.ts';
