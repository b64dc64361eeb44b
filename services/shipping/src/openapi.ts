/** The shipping OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { describeApiOf } from '@sauda/kit';
import { buildApp } from './app.ts';
import { kazpostAdapter } from './carriers/kazpost-adapter.ts';

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export const describeApi = (): Promise<Record<string, unknown>> =>
  describeApiOf(({ db, auth }) =>
    buildApp({
      db,
      auth,
      carriers: new Map([['kazpost', kazpostAdapter({ secret: 'openapi-document-only-secret' })]]),
      policy: { maxAttempts: 3 },
      logLevel: 'silent',
    }),
  );
