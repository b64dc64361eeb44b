/** SQL for CSV import jobs: created by the seller, advanced by the worker, polled by the UI. */
import type { ImportJob } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export interface ImportJobRow {
  id: string;
  seller_id: string;
  seller_name: string;
  status: ImportJob['status'];
  total_rows: number;
  processed_rows: number;
  created_count: number;
  error_count: number;
  errors: ImportJob['errors'];
  csv: string;
  created_at: Date;
  finished_at: Date | null;
}

/** Maps a row to the API shape (the CSV itself is not sent back). */
export function toImportJob(r: ImportJobRow): ImportJob {
  return {
    id: r.id,
    status: r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    createdCount: r.created_count,
    errorCount: r.error_count,
    errors: r.errors,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

/** One of the seller's jobs. */
export async function findImportJob(db: Queryable, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db<ImportJobRow[]>`select * from import_jobs where id = ${id}`;
  return row;
}

/** The seller's recent jobs, newest first. */
export async function listImportJobs(db: Queryable, sellerId: string): Promise<ImportJobRow[]> {
  return db<ImportJobRow[]>`
    select * from import_jobs where seller_id = ${sellerId} order by created_at desc limit 20`;
}

/**
 * Claims the oldest unfinished job, skipping ones another replica holds: the lock lives as long as the
 * caller's transaction, so a crashed worker's job is picked up again (and resumes at `processed_rows`).
 */
export async function claimImportJob(db: Queryable): Promise<ImportJobRow | undefined> {
  const [row] = await db<ImportJobRow[]>`
    select * from import_jobs where status in ('queued', 'running')
    order by created_at limit 1 for update skip locked`;
  return row;
}
