/** SQL repository of delivery addresses. */
import type { Queryable } from '@sauda/kit';

export interface StoredAddress {
  id: string;
  accountId: string;
  label: string | null;
  recipient: string;
  phone: string | null;
  country: string;
  city: string;
  street: string;
  postalCode: string;
  lat: number | null;
  lng: number | null;
  isDefault: boolean;
  createdAt: Date;
}

export type AddressFields = Omit<StoredAddress, 'id' | 'accountId' | 'isDefault' | 'createdAt'>;

const columns = (sql: Queryable) => sql`
  id, account_id as "accountId", label, recipient, phone, country, city, street,
  postal_code as "postalCode", lat, lng, is_default as "isDefault", created_at as "createdAt"`;

/** The account's addresses, the default first, then oldest first. */
export async function listAddresses(sql: Queryable, accountId: string): Promise<StoredAddress[]> {
  return sql<StoredAddress[]>`
    select ${columns(sql)} from addresses where account_id = ${accountId}
    order by is_default desc, created_at, id`;
}

/** One address of the account (undefined for another account's). */
export async function findAddress(
  sql: Queryable,
  accountId: string,
  id: string,
): Promise<StoredAddress | undefined> {
  const [row] = await sql<StoredAddress[]>`
    select ${columns(sql)} from addresses where id = ${id} and account_id = ${accountId}`;
  return row;
}

/** Serialises address changes of one account (count limit, default flag). */
export async function lockAddressBook(sql: Queryable, accountId: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`addresses:${accountId}`}, 0))`;
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n from addresses where account_id = ${accountId}`;
  return row?.n ?? 0;
}

export async function insertAddress(
  sql: Queryable,
  address: AddressFields & { id: string; accountId: string; isDefault: boolean },
): Promise<StoredAddress> {
  const [row] = await sql<StoredAddress[]>`
    insert into addresses (id, account_id, label, recipient, phone, country, city, street, postal_code, lat, lng, is_default)
    values (${address.id}, ${address.accountId}, ${address.label}, ${address.recipient}, ${address.phone},
            ${address.country}, ${address.city}, ${address.street}, ${address.postalCode}, ${address.lat},
            ${address.lng}, ${address.isDefault})
    returning ${columns(sql)}`;
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateAddress(
  sql: Queryable,
  accountId: string,
  id: string,
  fields: AddressFields,
): Promise<StoredAddress | undefined> {
  const [row] = await sql<StoredAddress[]>`
    update addresses set label = ${fields.label}, recipient = ${fields.recipient}, phone = ${fields.phone},
      country = ${fields.country}, city = ${fields.city}, street = ${fields.street},
      postal_code = ${fields.postalCode}, lat = ${fields.lat}, lng = ${fields.lng}
    where id = ${id} and account_id = ${accountId}
    returning ${columns(sql)}`;
  return row;
}

/** Makes one address the default: the old default is cleared first (the unique index allows one). */
export async function makeDefaultAddress(sql: Queryable, accountId: string, id: string): Promise<boolean> {
  await sql`update addresses set is_default = false where account_id = ${accountId} and is_default and id <> ${id}`;
  const rows =
    await sql`update addresses set is_default = true where account_id = ${accountId} and id = ${id}`;
  return rows.count === 1;
}

/** Deletes an address; when it was the default, the newest remaining one becomes the default. */
export async function deleteAddress(sql: Queryable, accountId: string, id: string): Promise<boolean> {
  const [row] = await sql<{ isDefault: boolean }[]>`
    delete from addresses where id = ${id} and account_id = ${accountId} returning is_default as "isDefault"`;
  if (!row) return false;
  if (row.isDefault) {
    await sql`
      update addresses set is_default = true where id = (
        select id from addresses where account_id = ${accountId} order by created_at desc, id desc limit 1)`;
  }
  return true;
}
