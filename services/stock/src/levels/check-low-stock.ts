/** Low-stock alerts: a SKU whose available units (every depot) fall to its threshold raises one alert. */
import { StockLow } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';

/**
 * Marks SKUs that just became low (and announces them once) and clears those that recovered. Both are
 * guarded updates on `low_since`, so concurrent transactions raise one alert, not two.
 */
export async function checkLowStock(
  tx: Tx,
  variantIds: readonly string[],
  /** 'fell' when the change can only lower availability (a reservation): the recovery check is skipped. */
  change: 'fell' | 'any' = 'any',
): Promise<void> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return;
  // Two guarded updates on disjoint rows (low_since null / not null): sent together, one round trip.
  const [became] = await Promise.all([
    tx<{ variant_id: string; sku: string; seller_id: string; available: number; low_threshold: number }[]>`
      with avail as (
        select s.variant_id, coalesce(sum(l.on_hand - l.reserved - l.committed - l.unavailable), 0)::int as available
        from skus s left join stock_levels l on l.variant_id = s.variant_id
        where s.variant_id in ${tx(ids)} group by s.variant_id)
      update skus s set low_since = now()
      from avail a
      where s.variant_id = a.variant_id and s.low_since is null and a.available <= s.low_threshold
      returning s.variant_id, s.sku, s.seller_id, a.available, s.low_threshold`,
    change === 'fell'
      ? null
      : tx`
        with avail as (
          select s.variant_id, coalesce(sum(l.on_hand - l.reserved - l.committed - l.unavailable), 0)::int as available
          from skus s left join stock_levels l on l.variant_id = s.variant_id
          where s.variant_id in ${tx(ids)} group by s.variant_id)
        update skus s set low_since = null
        from avail a
        where s.variant_id = a.variant_id and s.low_since is not null and a.available > s.low_threshold`,
  ]);
  await Promise.all(
    became.map((row) =>
      appendEvent(tx, StockLow, {
        variantId: row.variant_id,
        sku: row.sku,
        sellerId: row.seller_id,
        available: Math.max(0, row.available),
        threshold: row.low_threshold,
        at: new Date().toISOString(),
      }),
    ),
  );
}
