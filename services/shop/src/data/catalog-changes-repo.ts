/**
 * The catalog change feed (migration 0023, ADR 0009). The cursor is `<last seq seen>.<time>.<xids in
 * progress>`: a row the reader could not see yet at its last read either came later (a higher seq) or was
 * written by a transaction then in progress (its xid is in the cursor), so the next read returns exactly the
 * rows not returned before, whatever order concurrent transactions commit in. With more transactions in
 * progress than a cursor carries, the cursor does not move on (the rows since come again, which only drops
 * their pages twice) until fewer are.
 */
import type { CatalogChanges, Queryable } from '@sauda/kit';

/** Rows are kept this long; a reader whose cursor is older is told `all`. */
export const RETENTION_MS = 10 * 60_000;
/** More changed products than this in one answer: `all` is cheaper for everyone. */
const MAX_IDS = 1000;
/** The most in-progress transaction ids a cursor carries. */
const MAX_XIP = 100;
const CURSOR = /^(\d{1,20})\.(\d{1,15})\.((?:\d{1,20})(?:,\d{1,20}){0,99})?$/;

/** Whether `cursor` is one this feed wrote (anything else is refused before it reaches SQL). */
export const validCursor = (cursor: string): boolean => CURSOR.test(cursor);

interface FeedRow {
  max_seq: string;
  xip: string[];
  at: string;
  everything: boolean | null;
  n: number;
  ids: string[] | null;
}

/** What changed since `cursor` (everything when there is none, or it is older than the rows kept). */
export async function readCatalogChanges(db: Queryable, cursor: string | undefined): Promise<CatalogChanges> {
  const match = cursor === undefined ? null : CURSOR.exec(cursor);
  const seen = match?.[1] ?? '0';
  const wasRunning = match?.[3] ? match[3].split(',') : [];
  // One statement, one snapshot: the rows, the highest seq and the transactions in progress agree.
  const [row] = await db<FeedRow[]>`
    with snap as (select pg_current_snapshot() as s),
    fresh as (
      select product_id from catalog_changes
      where ${match ? db`seq > ${seen}::bigint or xid = any(${wasRunning}::xid8[])` : db`false`}
    )
    select (select coalesce(max(seq), 0) from catalog_changes)::text as max_seq,
           (select coalesce(array_agg(x::text), '{}') from snap, pg_snapshot_xip(snap.s) x) as xip,
           (extract(epoch from clock_timestamp()) * 1000)::bigint::text as at,
           bool_or(product_id is null) as everything,
           count(distinct product_id)::int as n,
           (array_agg(distinct product_id) filter (where product_id is not null))[1:${MAX_IDS}]::text[] as ids
    from fresh`;
  if (!row) throw new Error('the change feed answered no row');
  const next =
    row.xip.length <= MAX_XIP
      ? `${row.max_seq}.${row.at}.${row.xip.join(',')}`
      : `${seen}.${row.at}.${wasRunning.join(',')}`;
  const tooOld = !match || Number(row.at) - Number(match[2]) > RETENTION_MS - 60_000;
  const all = tooOld || row.everything === true || row.n > MAX_IDS;
  return { cursor: next, all, products: all ? [] : (row.ids ?? []) };
}

/** Deletes rows no reader needs any more. */
export async function pruneCatalogChanges(db: Queryable): Promise<void> {
  await db`delete from catalog_changes where changed_at < now() - ${`${RETENTION_MS} milliseconds`}::interval`;
}
