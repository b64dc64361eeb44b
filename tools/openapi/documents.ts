/** Generates every service's OpenAPI document and the merged public one, as committed under contracts/openapi. */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = join(REPO, 'contracts', 'openapi');

interface ServiceApi {
  describeApi(): Promise<Record<string, unknown>>;
  mergeOpenApi?: (
    docs: Record<string, Record<string, unknown> | undefined>,
    version: string,
  ) => Record<string, unknown>;
}

/** `{ "<service>.json": text }` for every service with `src/openapi.ts`, plus `sauda.json` (merged). */
export async function generateDocuments(): Promise<Record<string, string>> {
  const services = (await readdir(join(REPO, 'services')))
    .filter((name) => existsSync(join(REPO, 'services', name, 'src', 'openapi.ts')))
    .sort();
  const docs: Record<string, Record<string, unknown>> = {};
  let merge: ServiceApi['mergeOpenApi'];
  for (const name of services) {
    const api = (await import(
      pathToFileURL(join(REPO, 'services', name, 'src', 'openapi.ts')).href
    )) as ServiceApi;
    docs[name] = await api.describeApi();
    merge ??= api.mergeOpenApi;
  }
  const files: Record<string, string> = {};
  for (const [name, doc] of Object.entries(docs)) files[`${name}.json`] = `${JSON.stringify(doc, null, 2)}\n`;
  if (merge) files['sauda.json'] = `${JSON.stringify(merge(docs, '0.1.0'), null, 2)}\n`;
  return files;
}
