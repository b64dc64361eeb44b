/** SQL repository of accounts. */
import type { CurrencyCode, Locale, Role } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export type AccountStatus = 'active' | 'blocked';

/** An account as stored. `passwordHash` never leaves the service. */
export interface Account {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  phone: string | null;
  locale: Locale;
  currency: CurrencyCode;
  roles: Role[];
  status: AccountStatus;
  createdAt: Date;
}

export type NewAccount = Omit<Account, 'status' | 'createdAt'>;

const columns = (sql: Queryable) => sql`
  id, email, password_hash as "passwordHash", name, phone, locale, currency, roles, status,
  created_at as "createdAt"`;

/** Inserts the account; undefined when the email (in any case) or the id is already taken. */
export async function insertAccount(sql: Queryable, account: NewAccount): Promise<Account | undefined> {
  const [row] = await sql<Account[]>`
    insert into accounts (id, email, password_hash, name, phone, locale, currency, roles)
    values (${account.id}, ${account.email}, ${account.passwordHash}, ${account.name}, ${account.phone},
            ${account.locale}, ${account.currency}, ${account.roles as string[]}::text[])
    on conflict do nothing
    returning ${columns(sql)}`;
  return row;
}

/** The account with this email, compared case-insensitively. */
export async function findAccountByEmail(sql: Queryable, email: string): Promise<Account | undefined> {
  const [row] = await sql<
    Account[]
  >`select ${columns(sql)} from accounts where lower(email) = lower(${email})`;
  return row;
}

/** The account with this id. */
export async function findAccountById(sql: Queryable, id: string): Promise<Account | undefined> {
  const [row] = await sql<Account[]>`select ${columns(sql)} from accounts where id = ${id}`;
  return row;
}
