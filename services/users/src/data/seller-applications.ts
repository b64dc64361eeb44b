/** SQL repository of seller applications. */
import type { Queryable } from '@sauda/kit';

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

export interface StoredApplication {
  id: string;
  accountId: string;
  accountEmail: string;
  shopName: string;
  legalName: string;
  bin: string;
  iban: string;
  contactEmail: string;
  contactPhone: string;
  status: ApplicationStatus;
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export type NewApplication = Omit<StoredApplication, 'status' | 'reason' | 'decidedAt' | 'accountEmail'>;

const columns = (sql: Queryable) => sql`
  s.id, s.account_id as "accountId", a.email as "accountEmail", s.shop_name as "shopName",
  s.legal_name as "legalName", s.bin, s.iban, s.contact_email as "contactEmail",
  s.contact_phone as "contactPhone", s.status, s.reason, s.created_at as "createdAt",
  s.decided_at as "decidedAt"`;

/** Files an application; false when the account already has a pending one (unique index). */
export async function insertApplication(sql: Queryable, application: NewApplication): Promise<boolean> {
  const rows = await sql`
    insert into seller_applications (id, account_id, shop_name, legal_name, bin, iban, contact_email, contact_phone, created_at)
    values (${application.id}, ${application.accountId}, ${application.shopName}, ${application.legalName},
            ${application.bin}, ${application.iban}, ${application.contactEmail}, ${application.contactPhone},
            ${application.createdAt})
    on conflict do nothing`;
  return rows.count === 1;
}

/** The account's latest application. */
export async function latestApplication(
  sql: Queryable,
  accountId: string,
): Promise<StoredApplication | undefined> {
  const [row] = await sql<StoredApplication[]>`
    select ${columns(sql)} from seller_applications s join accounts a on a.id = s.account_id
    where s.account_id = ${accountId} order by s.created_at desc, s.id desc limit 1`;
  return row;
}

export async function findApplication(sql: Queryable, id: string): Promise<StoredApplication | undefined> {
  const [row] = await sql<StoredApplication[]>`
    select ${columns(sql)} from seller_applications s join accounts a on a.id = s.account_id where s.id = ${id}`;
  return row;
}

/** Decides a pending application in one guarded statement; false when it was no longer pending. */
export async function decideApplication(
  sql: Queryable,
  id: string,
  decision: { status: 'approved' | 'rejected'; reason: string | null; by: string; at: Date },
): Promise<boolean> {
  const rows = await sql`
    update seller_applications set status = ${decision.status}, reason = ${decision.reason},
      decided_by = ${decision.by}, decided_at = ${decision.at}
    where id = ${id} and status = 'pending'`;
  return rows.count === 1;
}

/** A page of applications, oldest pending first. */
export async function listApplications(
  sql: Queryable,
  filter: { status?: ApplicationStatus | undefined; limit: number; offset: number },
): Promise<{ items: StoredApplication[]; total: number }> {
  const where = sql`where (${filter.status ?? null}::text is null or s.status = ${filter.status ?? null})`;
  const items = await sql<StoredApplication[]>`
    select ${columns(sql)} from seller_applications s join accounts a on a.id = s.account_id ${where}
    order by s.created_at, s.id limit ${filter.limit} offset ${filter.offset}`;
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from seller_applications s ${where}`;
  return { items, total: count?.n ?? 0 };
}

/** Names (or renames) the approved seller's shop. */
export async function upsertShopName(sql: Queryable, sellerId: string, name: string): Promise<void> {
  await sql`
    insert into seller_shops (seller_id, name) values (${sellerId}, ${name})
    on conflict (seller_id) do update set name = excluded.name`;
}
