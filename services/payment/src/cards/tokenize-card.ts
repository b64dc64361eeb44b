/**
 * Tokenisation: the only place a card number is handled. It is checked, handed to the provider's vault,
 * and forgotten; we keep our token, the brand, the last four digits and the expiry. The CVC is never stored.
 */
import { randomBytes } from 'node:crypto';
import type { CardInput, CardToken } from '@sauda/contracts';
import type { PaymentContext } from '../context.ts';
import { CardBrandUnsupported, CardCvcInvalid, CardExpired, CardNumberInvalid } from '../errors.ts';
import { checkCard } from './card-rules.ts';

const problems = {
  invalid_number: CardNumberInvalid,
  unsupported_brand: CardBrandUnsupported,
  expired: CardExpired,
  invalid_cvc: CardCvcInvalid,
} as const;

/** Validates the card, vaults it with the provider and returns a token bound to `customerId`. */
export async function tokenizeCard(
  ctx: PaymentContext,
  customerId: string,
  input: CardInput,
): Promise<CardToken> {
  const checked = checkCard(input.card, new Date());
  if (!checked.ok) throw new problems[checked.problem]();
  const { expMonth, expYear, cvc } = input.card;
  const providerToken = await ctx.cardProvider.tokenize({ digits: checked.digits, expMonth, expYear, cvc });
  // base64url keeps digit runs short, so no token can ever look like a card number in a scan.
  const token = `tok_${randomBytes(18).toString('base64url')}`;
  const last4 = checked.digits.slice(-4);
  await ctx.db`
    insert into card_tokens (token, customer_id, provider, provider_token, brand, last4, exp_month, exp_year)
    values (${token}, ${customerId}, ${ctx.cardProvider.name}, ${providerToken}, ${checked.brand}, ${last4}, ${expMonth}, ${expYear})`;
  return { token, brand: checked.brand, last4, expMonth, expYear };
}
