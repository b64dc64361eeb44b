/**
 * The dispatching app for the ping benchmark, in its own process (so the load generator does not steal its
 * CPU): a fresh database, the real routes and token checks, listening on BENCH_PORT. Prints `ready <port>`.
 */
import { createDb, createJwksVerifier, eventMigrations, idempotencyMigrations, migrate } from '@sauda/kit';
import type { JSONWebKeySet } from 'jose';
import { buildApp } from '../../services/dispatching/src/app.ts';
import { haversineProvider } from '../../services/dispatching/src/distances/distance-matrix.ts';

const url = process.env['BENCH_DB_URL'] ?? '';
const jwks = JSON.parse(process.env['BENCH_JWKS'] ?? '{"keys":[]}') as JSONWebKeySet;
const db = createDb(url, {
  max: Number(process.env['BENCH_POOL'] ?? 20),
  applicationName: 'bench-dispatching',
});
await migrate(db, new URL('../../services/dispatching/migrations', import.meta.url), [
  ...eventMigrations,
  ...idempotencyMigrations,
]);
const verifier = createJwksVerifier({
  fetchKeys: () => Promise.resolve(jwks),
  issuer: 'sauda-users',
  audience: 'sauda',
});
const app = await buildApp({
  db,
  auth: verifier,
  distances: haversineProvider({ roadFactor: 1.35, speedKmh: 24 }),
  logLevel: 'warn',
});
await app.listen({ port: Number(process.env['BENCH_PORT'] ?? 0), host: '127.0.0.1' });
const address = app.server.address();
console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.end({ timeout: 2 }))
    .then(() => process.exit(0));
});
