/** Reading payout batches and payouts; the bank file (CSV); marking a batch paid. */
import type { CurrencyCode, Payout, PayoutBatch } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { PayoutBatchNotFound } from '../errors.ts';

interface PayoutRow {
  id: string;
  batch_id: string;
  seller_id: string;
  currency: CurrencyCode;
  amount: string;
  iban: string | null;
  status: Payout['status'];
  created_at: Date;
}

const toPayout = (r: PayoutRow): Payout => ({
  id: r.id,
  batchId: r.batch_id,
  sellerId: r.seller_id,
  amount: { amount: Number(r.amount), currency: r.currency },
  ...(r.iban ? { iban: r.iban } : {}),
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

/** Every batch, newest first, with its count and total. */
export async function listBatches(db: Queryable): Promise<PayoutBatch[]> {
  const rows = await db<
    {
      id: string;
      period_end: Date;
      currency: CurrencyCode;
      status: 'created' | 'paid';
      created_at: Date;
      n: number;
      total: string;
    }[]
  >`
    select b.id, b.period_end, b.currency, b.status, b.created_at, count(p.id)::int as n, coalesce(sum(p.amount), 0)::text as total
    from payout_batches b left join payouts p on p.batch_id = b.id
    group by b.id order by b.period_end desc limit 100`;
  return rows.map((r) => ({
    id: r.id,
    periodEnd: r.period_end.toISOString(),
    payouts: r.n,
    total: { amount: Number(r.total), currency: r.currency },
    status: r.status,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The payouts of one batch, or of one seller when `sellerId` is given. */
export async function listPayouts(
  db: Queryable,
  filter: { batchId?: string; sellerId?: string },
): Promise<Payout[]> {
  const rows = await db<PayoutRow[]>`
    select * from payouts
    where (${filter.batchId ?? null}::uuid is null or batch_id = ${filter.batchId ?? null})
      and (${filter.sellerId ?? null}::uuid is null or seller_id = ${filter.sellerId ?? null})
    order by created_at desc limit 200`;
  return rows.map(toPayout);
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The bank file of a batch: one line per payout that has an IBAN (those on hold wait for one). */
export async function payoutFile(db: Queryable, batchId: string): Promise<string> {
  const [batch] = await db<{ id: string }[]>`select id from payout_batches where id = ${batchId}`;
  if (!batch) throw new PayoutBatchNotFound();
  const rows = await db<(PayoutRow & { holder: string | null })[]>`
    select p.*, a.holder from payouts p left join seller_payout_accounts a on a.seller_id = p.seller_id
    where p.batch_id = ${batchId} and p.iban is not null order by p.seller_id`;
  const lines = rows.map((r) =>
    [
      r.id,
      r.seller_id,
      r.holder ?? '',
      r.iban ?? '',
      (Number(r.amount) / 100).toFixed(2),
      r.currency,
      `SAUDA PAYOUT ${r.id.slice(-12)}`,
    ]
      .map(csvCell)
      .join(','),
  );
  return ['payout_id,seller_id,beneficiary,iban,amount,currency,reference', ...lines].join('\n') + '\n';
}

/** The bank confirmed the file: pending payouts become paid. */
export async function markBatchPaid(db: Queryable, batchId: string): Promise<void> {
  const updated = await db`update payout_batches set status = 'paid' where id = ${batchId}`;
  if (updated.count === 0) throw new PayoutBatchNotFound();
  await db`update payouts set status = 'paid' where batch_id = ${batchId} and status = 'pending'`;
}
