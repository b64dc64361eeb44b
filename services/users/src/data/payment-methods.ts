/** SQL repository of saved payment methods (payment's tokens, never card numbers). */
import type { Queryable } from '@sauda/kit';

export interface StoredPaymentMethod {
  id: string;
  accountId: string;
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  createdAt: Date;
}

const columns = (sql: Queryable) => sql`
  id, account_id as "accountId", token, brand, last4, exp_month as "expMonth", exp_year as "expYear",
  is_default as "isDefault", created_at as "createdAt"`;

export async function listPaymentMethods(sql: Queryable, accountId: string): Promise<StoredPaymentMethod[]> {
  return sql<StoredPaymentMethod[]>`
    select ${columns(sql)} from payment_methods where account_id = ${accountId}
    order by is_default desc, created_at, id`;
}

/** Serialises changes to one account's methods; answers how many it has. */
export async function lockPaymentMethods(sql: Queryable, accountId: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`payment-methods:${accountId}`}, 0))`;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from payment_methods where account_id = ${accountId}`;
  return row?.n ?? 0;
}

/** Saves a method; undefined when the token is already saved (by anyone: a token is one card holder's). */
export async function insertPaymentMethod(
  sql: Queryable,
  method: Omit<StoredPaymentMethod, 'createdAt'>,
): Promise<StoredPaymentMethod | undefined> {
  const [row] = await sql<StoredPaymentMethod[]>`
    insert into payment_methods (id, account_id, token, brand, last4, exp_month, exp_year, is_default)
    values (${method.id}, ${method.accountId}, ${method.token}, ${method.brand}, ${method.last4},
            ${method.expMonth}, ${method.expYear}, ${method.isDefault})
    on conflict (token) do nothing
    returning ${columns(sql)}`;
  return row;
}

/** The method saved with this token, if it is this account's. */
export async function findPaymentMethodByToken(
  sql: Queryable,
  accountId: string,
  token: string,
): Promise<StoredPaymentMethod | undefined> {
  const [row] = await sql<StoredPaymentMethod[]>`
    select ${columns(sql)} from payment_methods where token = ${token} and account_id = ${accountId}`;
  return row;
}

export async function makeDefaultPaymentMethod(
  sql: Queryable,
  accountId: string,
  id: string,
): Promise<boolean> {
  await sql`
    update payment_methods set is_default = false where account_id = ${accountId} and is_default and id <> ${id}`;
  const rows =
    await sql`update payment_methods set is_default = true where account_id = ${accountId} and id = ${id}`;
  return rows.count === 1;
}

/** Deletes a method; a deleted default passes the flag to the newest remaining one. */
export async function deletePaymentMethod(sql: Queryable, accountId: string, id: string): Promise<boolean> {
  const [row] = await sql<{ isDefault: boolean }[]>`
    delete from payment_methods where id = ${id} and account_id = ${accountId} returning is_default as "isDefault"`;
  if (!row) return false;
  if (row.isDefault) {
    await sql`
      update payment_methods set is_default = true where id = (
        select id from payment_methods where account_id = ${accountId} order by created_at desc, id desc limit 1)`;
  }
  return true;
}
