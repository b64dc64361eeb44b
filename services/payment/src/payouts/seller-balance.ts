/** A seller's balance and statement from the settlement ledger, and their payout account. */
import type { CurrencyCode, LedgerLine, SellerBalance } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { ledgerLines } from '../data/ledger-repo.ts';
import { IbanInvalid } from '../errors.ts';
import { accounts } from '../ledger/post-entries.ts';
import { maskIban, normaliseIban } from './iban.ts';

/** Balance (everything owed), available (out of the return window, unpaid), pending (still refundable), paid out. */
export async function sellerBalance(
  db: Queryable,
  sellerId: string,
  currency: CurrencyCode,
): Promise<SellerBalance> {
  const [row] = await db<{ balance: string; available: string; pending: string; paid: string }[]>`
    select
      coalesce(sum(amount), 0)::text as balance,
      coalesce(sum(amount) filter (where payout_id is null and kind <> 'payout' and (available_at is null or available_at <= now())), 0)::text as available,
      coalesce(sum(amount) filter (where payout_id is null and available_at > now()), 0)::text as pending,
      coalesce(-sum(amount) filter (where kind = 'payout'), 0)::text as paid
    from ledger_entries where account = ${accounts.seller(sellerId)} and currency = ${currency}`;
  const [bank] = await db<
    { iban: string }[]
  >`select iban from seller_payout_accounts where seller_id = ${sellerId}`;
  const money = (v: string | undefined) => ({ amount: Number(v ?? 0), currency });
  return {
    balance: money(row?.balance),
    available: money(row?.available),
    pending: money(row?.pending),
    paidOut: money(row?.paid),
    ...(bank ? { iban: maskIban(bank.iban) } : {}),
  };
}

/** The seller's statement: newest settlement lines first. */
export function sellerStatement(
  db: Queryable,
  sellerId: string,
  currency: CurrencyCode,
  limit: number,
): Promise<LedgerLine[]> {
  return ledgerLines(db, accounts.seller(sellerId), currency, limit);
}

/** Sets the IBAN payouts go to. */
export async function setPayoutAccount(
  db: Queryable,
  sellerId: string,
  iban: string,
  holder: string,
): Promise<{ iban: string }> {
  const normal = normaliseIban(iban);
  if (!normal) throw new IbanInvalid();
  await db`
    insert into seller_payout_accounts (seller_id, iban, holder) values (${sellerId}, ${normal}, ${holder})
    on conflict (seller_id) do update set iban = excluded.iban, holder = excluded.holder, updated_at = now()`;
  return { iban: maskIban(normal) };
}
