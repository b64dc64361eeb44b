/** Fault flags for dev and test runs (ADR 0007). */
export * from './flags.ts';
export * from './config.ts';
export * from './inject-faults.ts';
