/** The users OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { describeApiOf } from '@sauda/kit';
import { buildApp } from './app.ts';
import { parseConfig } from './config.ts';
import { generateSigningKey, loadSigningKeys } from './tokens/load-signing-keys.ts';

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export const describeApi = (): Promise<Record<string, unknown>> =>
  describeApiOf(async ({ db }) => {
    const config = parseConfig({ DATABASE_URL: 'postgres://127.0.0.1:1/none', LOG_LEVEL: 'silent' });
    const keys = await loadSigningKeys({
      kind: 'json',
      json: JSON.stringify({ keys: [await generateSigningKey()] }),
    });
    return buildApp({ config, db, keys });
  });
