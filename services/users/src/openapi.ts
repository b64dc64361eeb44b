/** The users OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { createDb } from '@sauda/kit';
import { buildApp } from './app.ts';
import { parseConfig } from './config.ts';
import { generateSigningKey, loadSigningKeys } from './tokens/load-signing-keys.ts';

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export async function describeApi(): Promise<Record<string, unknown>> {
  const config = parseConfig({ DATABASE_URL: 'postgres://127.0.0.1:1/none', LOG_LEVEL: 'silent' });
  const keys = await loadSigningKeys({
    kind: 'json',
    json: JSON.stringify({ keys: [await generateSigningKey()] }),
  });
  const db = createDb(config.DATABASE_URL, { max: 1 });
  const app = await buildApp({ config, db, keys });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await db.end();
  return doc;
}
