import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocuments, OUT_DIR } from './documents.ts';

describe('committed OpenAPI documents', () => {
  it('match what the routes generate (run `npm run openapi` after changing a route)', async () => {
    const generated = await generateDocuments();
    const committed = Object.fromEntries(
      await Promise.all(
        (await readdir(OUT_DIR)).map(
          async (name) => [name, await readFile(join(OUT_DIR, name), 'utf8')] as const,
        ),
      ),
    );
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, text] of Object.entries(generated)) expect(committed[name], name).toBe(text);
  }, 180_000); // builds every service's app: on a cold clean clone the imports alone take a while

  it('list every route of the public API under /api in the merged document', async () => {
    const merged = JSON.parse((await generateDocuments())['sauda.json'] ?? '{}') as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(merged.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/register',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/me',
        '/api/products',
        '/api/products/{idOrSlug}',
        '/api/categories',
        '/api/seller/products',
        '/api/health',
      ]),
    );
  });
});
