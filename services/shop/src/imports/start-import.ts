/** A seller uploads a CSV: it is checked as a whole now and imported row by row by the worker. */
import type { ImportJob } from '@sauda/contracts';
import type { Db, Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { findImportJob, listImportJobs, toImportJob } from '../data/imports-repo.ts';
import { ImportNotFound, InvalidCsv } from '../errors.ts';
import { readCsv } from './parse-import.ts';

/** Stores the job (queued) and returns it; a file that is not a usable CSV is refused at once. */
export async function startImport(db: Db, seller: Principal, csv: string): Promise<ImportJob> {
  let rows: number;
  try {
    rows = readCsv(csv).length;
  } catch (error) {
    throw new InvalidCsv(error instanceof Error ? error.message : 'unreadable CSV');
  }
  const [row] = await db<Parameters<typeof toImportJob>[0][]>`
    insert into import_jobs (id, seller_id, seller_name, status, total_rows, csv)
    values (${uuidv7()}, ${seller.id}, ${seller.name ?? seller.email ?? 'Seller'}, 'queued', ${rows}, ${csv})
    returning *`;
  if (!row) throw new Error('insert returned nothing');
  return toImportJob(row);
}

/** One of the caller's jobs; another seller's job is answered as not found. */
export async function getImport(db: Db, seller: Principal, id: string): Promise<ImportJob> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findImportJob(db, id) : undefined;
  if (!row || row.seller_id !== seller.id) throw new ImportNotFound();
  return toImportJob(row);
}

/** The caller's recent jobs. */
export async function listImports(db: Db, seller: Principal): Promise<ImportJob[]> {
  return (await listImportJobs(db, seller.id)).map(toImportJob);
}
