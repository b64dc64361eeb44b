/** Stock: the levels are the sum of their append-only ledger, and no replay of it ever oversells. */
import { absent, num, verdict, type Invariant } from '../types.ts';

const COLUMNS = ['on_hand', 'reserved', 'committed', 'unavailable', 'incoming'] as const;

/** Every level equals the sum of its movements, column by column, and no level is negative or overdrawn. */
export const stockLedgerMatchesLevels: Invariant = {
  name: 'stock ledger and levels agree',
  async run(ctx) {
    const stock = ctx.db('stock');
    if (!stock) return absent('stock');
    const rows = await stock<Record<string, string | null>[]>`
      with ledger as (
        select variant_id, depot_id, sum(on_hand) as on_hand, sum(reserved) as reserved, sum(committed) as committed,
          sum(unavailable) as unavailable, sum(incoming) as incoming
        from movements group by variant_id, depot_id)
      select coalesce(l.variant_id, m.variant_id)::text as variant_id, coalesce(l.depot_id, m.depot_id)::text as depot_id,
        l.on_hand, l.reserved, l.committed, l.unavailable, l.incoming,
        m.on_hand as m_on_hand, m.reserved as m_reserved, m.committed as m_committed,
        m.unavailable as m_unavailable, m.incoming as m_incoming
      from stock_levels l full join ledger m on m.variant_id = l.variant_id and m.depot_id = l.depot_id`;
    const violations: string[] = [];
    for (const row of rows) {
      const where = `${row['variant_id']} at ${row['depot_id']}`;
      for (const column of COLUMNS) {
        const level = num(row[column]);
        const ledger = num(row[`m_${column}`]);
        if (level !== ledger)
          violations.push(`${where}: ${column} is ${level}, the ledger sums to ${ledger}`);
        if (level < 0) violations.push(`${where}: ${column} is negative (${level})`);
      }
      const held = num(row['reserved']) + num(row['committed']) + num(row['unavailable']);
      if (held > num(row['on_hand']))
        violations.push(
          `${where}: ${held} reserved, committed or unavailable of ${num(row['on_hand'])} on hand`,
        );
    }
    return verdict(rows.length, violations);
  },
};

/**
 * No unit sold beyond stock: replaying each level's ledger in order, no prefix ever holds more units
 * (reserved + committed + unavailable) than were on hand, and no column goes below zero.
 */
export const noOversell: Invariant = {
  name: 'no units sold beyond stock',
  async run(ctx) {
    const stock = ctx.db('stock');
    if (!stock) return absent('stock');
    const [count] = await stock<{ n: number }[]>`select count(*)::int as n from movements`;
    const rows = await stock<
      {
        variant_id: string;
        depot_id: string;
        id: string;
        kind: string;
        on_hand: string;
        held: string;
        low: string;
      }[]
    >`
      select variant_id, depot_id, id, kind, on_hand, held, low from (
        select variant_id, depot_id, id, kind,
          sum(on_hand) over w as on_hand,
          sum(reserved + committed + unavailable) over w as held,
          least(sum(on_hand) over w, sum(reserved) over w, sum(committed) over w,
                sum(unavailable) over w, sum(incoming) over w) as low
        from movements
        window w as (partition by variant_id, depot_id order by id)) replay
      where held > on_hand or low < 0
      order by id limit 100`;
    const violations = rows.map((r) =>
      num(r.low) < 0
        ? `${r.variant_id} at ${r.depot_id}: a column goes below zero at movement ${r.id} (${r.kind})`
        : `${r.variant_id} at ${r.depot_id}: ${r.held} units held of ${r.on_hand} on hand after movement ${r.id} (${r.kind})`,
    );
    return verdict(count?.n ?? 0, violations);
  },
};
