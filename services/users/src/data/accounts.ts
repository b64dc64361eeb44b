/** SQL repository of accounts. */
import type { CurrencyCode, Locale, Role } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export type AccountStatus = 'active' | 'blocked';

/** An account as stored. `passwordHash` and the TOTP secrets never leave the service. */
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
  emailVerifiedAt: Date | null;
  depotId: string | null;
  sortingCentreId: string | null;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: string;
}

export type NewAccount = Pick<
  Account,
  'id' | 'email' | 'passwordHash' | 'name' | 'phone' | 'locale' | 'currency' | 'roles'
>;

const columns = (sql: Queryable) => sql`
  id, email, password_hash as "passwordHash", name, phone, locale, currency, roles, status,
  created_at as "createdAt", email_verified_at as "emailVerifiedAt", depot_id as "depotId",
  sorting_centre_id as "sortingCentreId", totp_secret as "totpSecret",
  totp_pending_secret as "totpPendingSecret", totp_last_step::text as "totpLastStep"`;

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

/** The account with this id, locked until the transaction ends (role and status edits serialise). */
export async function lockAccount(sql: Queryable, id: string): Promise<Account | undefined> {
  const [row] = await sql<Account[]>`select ${columns(sql)} from accounts where id = ${id} for update`;
  return row;
}

export interface ProfilePatch {
  name?: string | undefined;
  phone?: string | null | undefined;
  locale?: Locale | undefined;
  currency?: CurrencyCode | undefined;
}

/** Changes the given profile fields only. */
export async function updateProfile(sql: Queryable, id: string, patch: ProfilePatch): Promise<Account> {
  const [row] = await sql<Account[]>`
    update accounts set
      name = coalesce(${patch.name ?? null}, name),
      phone = case when ${patch.phone !== undefined} then ${patch.phone ?? null} else phone end,
      locale = coalesce(${patch.locale ?? null}, locale),
      currency = coalesce(${patch.currency ?? null}, currency),
      updated_at = now()
    where id = ${id}
    returning ${columns(sql)}`;
  if (!row) throw new Error(`account ${id} vanished`);
  return row;
}

/** Replaces the password hash. */
export async function setPasswordHash(sql: Queryable, id: string, passwordHash: string): Promise<void> {
  await sql`update accounts set password_hash = ${passwordHash}, updated_at = now() where id = ${id}`;
}

/** Marks the email verified (the first time only). */
export async function markEmailVerified(sql: Queryable, id: string, at: Date): Promise<void> {
  await sql`update accounts set email_verified_at = ${at} where id = ${id} and email_verified_at is null`;
}

/** Keeps a TOTP secret waiting for its first code. */
export async function setPendingTotp(sql: Queryable, id: string, secret: string): Promise<void> {
  await sql`update accounts set totp_pending_secret = ${secret} where id = ${id}`;
}

/** Turns two-factor on with the pending secret, once its code was checked at `step`. */
export async function enableTotp(sql: Queryable, id: string, at: Date, step: bigint): Promise<boolean> {
  const rows = await sql`
    update accounts set totp_secret = totp_pending_secret, totp_pending_secret = null,
      totp_enabled_at = ${at}, totp_last_step = ${step.toString()}::bigint
    where id = ${id} and totp_pending_secret is not null`;
  return rows.count === 1;
}

/** Turns two-factor off and forgets its secrets. */
export async function disableTotp(sql: Queryable, id: string): Promise<void> {
  await sql`
    update accounts set totp_secret = null, totp_pending_secret = null, totp_enabled_at = null,
      totp_last_step = 0
    where id = ${id}`;
}

/** Accepts a TOTP step once: false when this or a later step was already used (a replayed code). */
export async function useTotpStep(sql: Queryable, id: string, step: bigint): Promise<boolean> {
  const rows = await sql`
    update accounts set totp_last_step = ${step.toString()}::bigint
    where id = ${id} and totp_last_step < ${step.toString()}::bigint`;
  return rows.count === 1;
}

/** Sets the roles; the caller holds the row lock. */
export async function setRoles(sql: Queryable, id: string, roles: readonly Role[]): Promise<void> {
  await sql`update accounts set roles = ${roles as Role[]}::text[], updated_at = now() where id = ${id}`;
}

/** Moves the account from one status to the other; false when it was not in `from`. */
export async function changeStatus(
  sql: Queryable,
  id: string,
  from: AccountStatus,
  to: AccountStatus,
): Promise<boolean> {
  const rows = await sql`
    update accounts set status = ${to}, updated_at = now() where id = ${id} and status = ${from}`;
  return rows.count === 1;
}

/** Attaches staff to their sites (null detaches). */
export async function setStaffSites(
  sql: Queryable,
  id: string,
  sites: { depotId: string | null; sortingCentreId: string | null },
): Promise<void> {
  await sql`
    update accounts set depot_id = ${sites.depotId}, sorting_centre_id = ${sites.sortingCentreId},
      updated_at = now()
    where id = ${id}`;
}

export interface AccountFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: AccountStatus | undefined;
  limit: number;
  offset: number;
}

/** A page of accounts, newest first, matching the filter; and how many match in all. */
export async function listAccounts(
  sql: Queryable,
  filter: AccountFilter,
): Promise<{ items: Account[]; total: number }> {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`
    where (${pattern}::text is null or email ilike ${pattern} or name ilike ${pattern})
      and (${filter.role ?? null}::text is null or ${filter.role ?? null} = any(roles))
      and (${filter.status ?? null}::text is null or status = ${filter.status ?? null})`;
  const items = await sql<Account[]>`
    select ${columns(sql)} from accounts ${where}
    order by created_at desc, id desc limit ${filter.limit} offset ${filter.offset}`;
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from accounts ${where}`;
  return { items, total: count?.n ?? 0 };
}
