/** The caller's delivery addresses: add, edit, delete, choose the default. */
import { v7 as uuidv7 } from 'uuid';
import { withTransaction } from '@sauda/kit';
import type { UsersContext } from '../context.ts';
import {
  deleteAddress as deleteAddressRow,
  insertAddress,
  listAddresses as listAddressRows,
  lockAddressBook,
  makeDefaultAddress,
  updateAddress as updateAddressRow,
  type AddressFields,
  type StoredAddress,
} from '../data/addresses.ts';
import { AddressNotFound, InvalidAddress, LimitReached } from '../errors.ts';
import { addressProblem, canonicalKzCity, type AddressInput } from './address-rules.ts';

/** Addresses one account may keep. */
export const MAX_ADDRESSES = 20;

/** The caller's addresses, the default first. */
export function listAddresses(ctx: UsersContext, accountId: string): Promise<StoredAddress[]> {
  return listAddressRows(ctx.db, accountId);
}

/** Adds an address; the first one (or one asked to be) becomes the default. */
export async function addAddress(
  ctx: UsersContext,
  accountId: string,
  input: AddressInput & { isDefault?: boolean | undefined },
): Promise<StoredAddress> {
  const fields = checked(input);
  return withTransaction(ctx.db, async (tx) => {
    const count = await lockAddressBook(tx, accountId);
    if (count >= MAX_ADDRESSES) throw new LimitReached(`At most ${MAX_ADDRESSES} addresses`);
    const id = uuidv7();
    const makeDefault = count === 0 || input.isDefault === true;
    if (makeDefault)
      await tx`update addresses set is_default = false where account_id = ${accountId} and is_default`;
    return insertAddress(tx, { ...fields, id, accountId, isDefault: makeDefault });
  });
}

/** Replaces an address's fields (the default flag is changed by `setDefaultAddress`). */
export async function editAddress(
  ctx: UsersContext,
  accountId: string,
  id: string,
  input: AddressInput,
): Promise<StoredAddress> {
  const updated = await updateAddressRow(ctx.db, accountId, id, checked(input));
  if (!updated) throw new AddressNotFound();
  return updated;
}

/** Makes the address the only default of the account. */
export async function setDefaultAddress(ctx: UsersContext, accountId: string, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await lockAddressBook(tx, accountId);
    if (!(await makeDefaultAddress(tx, accountId, id))) throw new AddressNotFound();
  });
}

/** Deletes the address; a deleted default hands the flag to the newest remaining one. */
export async function removeAddress(ctx: UsersContext, accountId: string, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await lockAddressBook(tx, accountId);
    if (!(await deleteAddressRow(tx, accountId, id))) throw new AddressNotFound();
  });
}

function checked(input: AddressInput): AddressFields {
  const problem = addressProblem(input);
  if (problem) throw new InvalidAddress(problem.message, { field: problem.field });
  return {
    label: input.label?.trim() || null,
    recipient: input.recipient.trim(),
    phone: input.phone ?? null,
    country: input.country,
    city: input.country === 'KZ' ? (canonicalKzCity(input.city) ?? input.city) : input.city.trim(),
    street: input.street.trim(),
    postalCode: input.postalCode.trim(),
    lat: input.lat ?? null,
    lng: input.lng ?? null,
  };
}
