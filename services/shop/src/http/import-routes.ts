/** Seller CSV import routes: upload a file, poll its progress and per-row report. */
import { ImportJob } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { InvalidCsv } from '../errors.ts';
import { getImport, listImports, startImport } from '../imports/start-import.ts';

const sellerOnly = { auth: { access: ['seller'], owns: "the calling seller's own imports" } } as const;
const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Registers the import routes; `poke` wakes the worker after an upload. */
export function importRoutes(app: App, db: Db, poke: () => void): void {
  app.post(
    '/seller/products/imports',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Import products from CSV (multipart field "file"); answers the queued job',
        response: { 202: ImportJob },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
      if (!part) throw new InvalidCsv('send the CSV as the multipart field "file"');
      const csv = await part.toBuffer().catch(() => {
        throw new InvalidCsv('the file is larger than 5 MB');
      });
      const job = await startImport(db, principalOf(request), csv.toString('utf8'));
      poke();
      return reply.status(202).header('location', `/seller/products/imports/${job.id}`).send(job);
    },
  );
  app.get(
    '/seller/products/imports',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: "The seller's recent imports",
        response: { 200: Type.Object({ items: Type.Array(ImportJob) }) },
      },
    },
    async (request) => ({ items: await listImports(db, principalOf(request)) }),
  );
  app.get(
    '/seller/products/imports/:id',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'One import: progress and the per-row report',
        params: Type.Object({ id: Type.String({ maxLength: 36 }) }),
        response: { 200: ImportJob },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getImport(db, principalOf(request), request.params.id);
    },
  );
}
