/** The dispatching OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { describeApiOf } from '@sauda/kit';
import { buildApp } from './app.ts';
import { haversineProvider } from './distances/distance-matrix.ts';

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export const describeApi = (): Promise<Record<string, unknown>> =>
  describeApiOf(({ db, auth }) =>
    buildApp({
      db,
      auth,
      distances: haversineProvider({ roadFactor: 1.35, speedKmh: 24 }),
      logLevel: 'silent',
    }),
  );
