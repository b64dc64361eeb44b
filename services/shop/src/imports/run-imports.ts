/**
 * The import worker: takes one queued job at a time and creates its products in batches. Each batch's
 * products and the job's progress commit together, so after a crash the job resumes exactly where it
 * stopped (no product twice, none lost). A product whose insert fails (taken SKU, unknown category) is
 * rolled back alone by its savepoint and reported on its rows.
 */
import { AppError, withTransaction, type Db } from '@sauda/kit';
import { claimImportJob } from '../data/imports-repo.ts';
import { insertNewProduct } from '../products/create-product.ts';
import { planImport, readCsv, type RowError } from './parse-import.ts';

const BATCH = 25;
const MAX_REPORTED_ERRORS = 500;

/** Advances one job by one batch; false when there was nothing to do. */
export async function runImportBatch(db: Db, onChange: () => void): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const job = await claimImportJob(tx);
    if (!job) return false;
    const { groups, errors } = planImport(readCsv(job.csv));
    // Progress counts groups by their last row: groups are in file order, so "processed" is a row number.
    const pending = groups.filter((g) => Math.max(...g.rows) > job.processed_rows).slice(0, BATCH);
    const seller = { id: job.seller_id, roles: ['seller' as const], name: job.seller_name };
    const failed: RowError[] = [];
    let created = 0;
    for (const group of pending) {
      try {
        await tx.savepoint((sp) => insertNewProduct(sp, seller, group.product));
        created += 1;
      } catch (error) {
        if (!(error instanceof AppError) && (error as { code?: string }).code !== '23505') throw error;
        const message = error instanceof AppError ? (error.detail ?? error.message) : 'SKU already used';
        for (const row of group.rows) failed.push({ row, field: 'product', message });
      }
    }
    const last = pending.length > 0 ? Math.max(...pending.flatMap((g) => g.rows)) : job.total_rows;
    const done = pending.length < BATCH || last >= job.total_rows;
    const processed = done ? job.total_rows : last;
    // Validation errors of rows now behind the cursor join the report, once each.
    const newlyPassed = errors.filter((e) => e.row > job.processed_rows && e.row <= processed);
    const report = [...job.errors, ...newlyPassed, ...failed].sort((a, b) => a.row - b.row);
    await tx`
      update import_jobs set
        status = ${done ? 'done' : 'running'}, processed_rows = ${processed},
        created_count = created_count + ${created},
        error_count = ${new Set(report.map((e) => e.row)).size},
        errors = ${tx.json(report.slice(0, MAX_REPORTED_ERRORS))},
        finished_at = ${done ? tx`now()` : null}
      where id = ${job.id}`;
    if (created > 0) onChange();
    return true;
  });
}

/** Polls for work every `intervalMs` (and at once when poked after an upload); returns stop. */
export function startImportWorker(
  db: Db,
  options: { intervalMs: number; onChange: () => void; onError: (error: unknown) => void },
): { poke(): void; stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const drain = async () => {
    while (!stopped && (await runImportBatch(db, options.onChange))) {
      /* keep going while there is work */
    }
  };
  const poke = () => {
    if (running || stopped) return;
    running = drain()
      .catch(options.onError)
      .finally(() => (running = undefined));
  };
  const timer = setInterval(poke, options.intervalMs);
  timer.unref();
  return {
    poke,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
