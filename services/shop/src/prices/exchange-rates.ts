/** Display exchange rates the admin maintains: prices stay in KZT; the storefront converts for display. */
import type { ExchangeRate } from '@sauda/contracts';
import type { Db } from '@sauda/kit';

interface RateRow {
  currency: ExchangeRate['currency'];
  per_kzt_e9: string;
  updated_at: Date;
}

const toRate = (r: RateRow): ExchangeRate => ({
  currency: r.currency,
  perKztE9: Number(r.per_kzt_e9),
  updatedAt: r.updated_at.toISOString(),
});

/** Every rate. */
export async function listRates(db: Db): Promise<ExchangeRate[]> {
  const rows = await db<RateRow[]>`select * from exchange_rates order by currency`;
  return rows.map(toRate);
}

/** Sets one rate (the admin's id is kept for the audit trail). */
export async function setRate(
  db: Db,
  currency: ExchangeRate['currency'],
  perKztE9: number,
  adminId: string,
): Promise<ExchangeRate> {
  const [row] = await db<RateRow[]>`
    insert into exchange_rates (currency, per_kzt_e9, updated_at, updated_by)
    values (${currency}, ${perKztE9}, now(), ${adminId})
    on conflict (currency) do update set per_kzt_e9 = excluded.per_kzt_e9, updated_at = now(),
                                         updated_by = excluded.updated_by
    returning *`;
  if (!row) throw new Error('upsert returned nothing');
  return toRate(row);
}

/** Converts KZT minor units to `currency` minor units (both have 2 decimals), rounding half up. */
export function convertKzt(amount: number, perKztE9: number): number {
  return Number((BigInt(amount) * BigInt(perKztE9) + 500_000_000n) / 1_000_000_000n);
}
