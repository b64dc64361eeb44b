/** A customer asks to become a seller: shop name, legal entity, BIN/IIN, IBAN for payouts, contact. */
import { v7 as uuidv7 } from 'uuid';
import { withTransaction } from '@sauda/kit';
import { getAccount } from '../accounts/get-account.ts';
import { audit } from '../audit/audit.ts';
import type { UsersContext } from '../context.ts';
import { insertApplication, latestApplication, type StoredApplication } from '../data/seller-applications.ts';
import { ApplicationExists, InvalidApplication } from '../errors.ts';
import { isValidBin, isValidKzIban, normalizeIban } from './kz-identifiers.ts';

export interface ApplicationInput {
  shopName: string;
  legalName: string;
  bin: string;
  iban: string;
  contactEmail: string;
  contactPhone: string;
}

/** Files the application; one pending at a time, none for someone who already sells. */
export async function applyAsSeller(
  ctx: UsersContext,
  caller: { accountId: string; ip: string | null },
  input: ApplicationInput,
): Promise<StoredApplication> {
  const account = await getAccount(ctx, caller.accountId);
  if (account.roles.includes('seller')) throw new ApplicationExists('You are a seller already');
  const bin = input.bin.replace(/\s+/g, '');
  if (!isValidBin(bin))
    throw new InvalidApplication('The BIN/IIN check digit does not match', { field: 'bin' });
  const iban = normalizeIban(input.iban);
  if (!isValidKzIban(iban)) throw new InvalidApplication('Not a valid Kazakh IBAN', { field: 'iban' });
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const filed = await insertApplication(tx, {
      id: uuidv7(),
      accountId: account.id,
      shopName: input.shopName.trim(),
      legalName: input.legalName.trim(),
      bin,
      iban,
      contactEmail: input.contactEmail.trim(),
      contactPhone: input.contactPhone,
      createdAt: now,
    });
    if (!filed) throw new ApplicationExists('An application is already waiting for a decision');
    await audit(tx, now, 'seller_applied', { accountId: account.id, ip: caller.ip });
    const application = await latestApplication(tx, account.id);
    if (!application) throw new Error('the application just filed is missing');
    return application;
  });
}
