/**
 * The catalog change feed (migration 0023, ADR 0009). The cursor is the reading snapshot's xmin and time:
 * every transaction below that xmin had ended when the feed was read, so the next read starts there and
 * misses no change committed late by a long transaction (it may repeat a few, which only drops a page twice).
 */
import type { CatalogChanges, Queryable } from '@sauda/kit';

/** Rows are kept this long; a reader whose cursor is older is told `all`. */
export const RETENTION_MS = 10 * 60_000;
/** More changed products than this in one answer: `all` is cheaper for everyone. */
const MAX_IDS = 1000;
const CURSOR = /^(\d{1,20})\.(\d{1,15})$/;

/** Whether `cursor` is one this feed wrote (anything else is refused before it reaches SQL). */
export const validCursor = (cursor: string): boolean => CURSOR.test(cursor);

/** What changed since `cursor` (everything when there is none, or it is older than the rows kept). */
export async function readCatalogChanges(db: Queryable, cursor: string | undefined): Promise<CatalogChanges> {
  const match = cursor === undefined ? null : CURSOR.exec(cursor);
  const [row] = await db<
    { xmin: string; at: string; everything: boolean | null; n: number; ids: string[] | null }[]
  >`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
           (extract(epoch from clock_timestamp()) * 1000)::bigint::text as at,
           bool_or(product_id is null) as everything,
           count(distinct product_id)::int as n,
           (array_agg(distinct product_id) filter (where product_id is not null))[1:${MAX_IDS}]::text[] as ids
    from catalog_changes where ${match ? db`xid >= ${match[1] as string}::xid8` : db`false`}`;
  if (!row) throw new Error('the change feed answered no row');
  const next = `${row.xmin}.${row.at}`;
  const tooOld = !match || Number(row.at) - Number(match[2]) > RETENTION_MS - 60_000;
  const all = tooOld || row.everything === true || row.n > MAX_IDS;
  return { cursor: next, all, products: all ? [] : (row.ids ?? []) };
}

/** Deletes rows no reader needs any more. */
export async function pruneCatalogChanges(db: Queryable): Promise<void> {
  await db`delete from catalog_changes where changed_at < now() - ${`${RETENTION_MS} milliseconds`}::interval`;
}
