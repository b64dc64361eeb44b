/** Test helpers: real databases, isolated streams, tokens. */
export * from './database.ts';
export * from './tokens.ts';
export * from './probes.ts';
export * from './brokers.ts';
