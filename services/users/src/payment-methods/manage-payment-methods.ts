/**
 * Saved cards: the web app tokenises a card at `payment`; users keeps the token with what payment
 * (never the client) says about it — brand, last four, expiry. No card number ever reaches users.
 */
import { v7 as uuidv7 } from 'uuid';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { UpstreamProblem, withTransaction } from '@sauda/kit';
import { audit } from '../audit/audit.ts';
import type { UsersContext } from '../context.ts';
import {
  deletePaymentMethod,
  findPaymentMethodByToken,
  insertPaymentMethod,
  listPaymentMethods as listRows,
  lockPaymentMethods,
  makeDefaultPaymentMethod,
  type StoredPaymentMethod,
} from '../data/payment-methods.ts';
import { CardExpired, LimitReached, PaymentMethodNotFound, PaymentTokenInvalid } from '../errors.ts';

/** Cards one account may keep. */
export const MAX_PAYMENT_METHODS = 10;

/** What payment's `GET /payment/tokens/:token` answers (extra fields are ignored). */
const TokenMetadata = Type.Object({
  token: Type.String(),
  brand: Type.String({ minLength: 1, maxLength: 30 }),
  last4: Type.String({ pattern: '^[0-9]{4}$' }),
  expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
  expYear: Type.Integer({ minimum: 2000, maximum: 2200 }),
});
type TokenMetadata = Static<typeof TokenMetadata>;

/** The caller's saved cards, the default first. */
export function listPaymentMethods(ctx: UsersContext, accountId: string): Promise<StoredPaymentMethod[]> {
  return listRows(ctx.db, accountId);
}

/** Saves a card token after reading its metadata from payment with the caller's own credentials. */
export async function savePaymentMethod(
  ctx: UsersContext,
  caller: { accountId: string; bearer: string; ip: string | null },
  token: string,
): Promise<StoredPaymentMethod> {
  const metadata = await readTokenMetadata(ctx, token, caller.bearer);
  const now = ctx.clock();
  const expired =
    metadata.expYear < now.getUTCFullYear() ||
    (metadata.expYear === now.getUTCFullYear() && metadata.expMonth < now.getUTCMonth() + 1);
  if (expired) throw new CardExpired();
  return withTransaction(ctx.db, async (tx) => {
    const count = await lockPaymentMethods(tx, caller.accountId);
    // Saving the same token twice answers the saved card: the request is safe to repeat.
    const existing = await findPaymentMethodByToken(tx, caller.accountId, metadata.token);
    if (existing) return existing;
    if (count >= MAX_PAYMENT_METHODS) throw new LimitReached(`At most ${MAX_PAYMENT_METHODS} cards`);
    const saved = await insertPaymentMethod(tx, {
      id: uuidv7(),
      accountId: caller.accountId,
      token: metadata.token,
      brand: metadata.brand,
      last4: metadata.last4,
      expMonth: metadata.expMonth,
      expYear: metadata.expYear,
      isDefault: count === 0,
    });
    // Another account saved this token: it is not the caller's card.
    if (!saved) throw new PaymentTokenInvalid();
    await audit(
      tx,
      now,
      'payment_method_added',
      { accountId: caller.accountId, ip: caller.ip },
      {
        brand: saved.brand,
        last4: saved.last4,
      },
    );
    return saved;
  });
}

/** Makes the card the only default. */
export async function setDefaultPaymentMethod(
  ctx: UsersContext,
  accountId: string,
  id: string,
): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await lockPaymentMethods(tx, accountId);
    if (!(await makeDefaultPaymentMethod(tx, accountId, id))) throw new PaymentMethodNotFound();
  });
}

/** Forgets a saved card. */
export async function removePaymentMethod(
  ctx: UsersContext,
  caller: { accountId: string; ip: string | null },
  id: string,
): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await lockPaymentMethods(tx, caller.accountId);
    if (!(await deletePaymentMethod(tx, caller.accountId, id))) throw new PaymentMethodNotFound();
    await audit(
      tx,
      ctx.clock(),
      'payment_method_removed',
      { accountId: caller.accountId, ip: caller.ip },
      { id },
    );
  });
}

async function readTokenMetadata(ctx: UsersContext, token: string, bearer: string): Promise<TokenMetadata> {
  let answer: unknown;
  try {
    answer = await ctx.payment.get<unknown>(`/payment/tokens/${encodeURIComponent(token)}`, {
      token: bearer,
    });
  } catch (error) {
    // 4xx: payment does not know the token or it is someone else's; 5xx and outages pass through (503).
    if (error instanceof UpstreamProblem && error.status < 500) throw new PaymentTokenInvalid();
    throw error;
  }
  if (!Value.Check(TokenMetadata, answer) || answer.token !== token) throw new PaymentTokenInvalid();
  return answer;
}
