/** Turns an admin's promo input into the stored terms, refusing definitions that contradict themselves. */
import type { NewPromo, PromoPatch } from '@sauda/contracts';
import { PromoInvalid } from '../commerce-errors.ts';
import type { PromoValues } from '../data/promos-repo.ts';

/** Merges `input` over `base` (an update) or over the defaults (a create) and validates the result. */
export function promoValues(input: PromoPatch | NewPromo, base?: PromoValues): PromoValues {
  const kind = input.kind ?? base?.kind ?? 'percentage';
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const startsAt = pick(input.startsAt, base?.startsAt?.toISOString() ?? null);
  const endsAt = pick(input.endsAt, base?.endsAt?.toISOString() ?? null);
  const minBasket =
    input.minBasket === undefined
      ? base?.minBasketAmount
        ? { amount: base.minBasketAmount, currency: base.minBasketCurrency ?? 'KZT' }
        : null
      : input.minBasket;
  const amount =
    input.amount === undefined
      ? base?.amount
        ? { amount: base.amount, currency: base.currency ?? 'KZT' }
        : null
      : input.amount;
  const values: PromoValues = {
    kind,
    percent: kind === 'percentage' ? pick(input.percent, base?.percent ?? null) : null,
    amount: kind === 'fixed' ? (amount?.amount ?? null) : null,
    currency: kind === 'fixed' ? (amount?.currency ?? null) : null,
    minBasketAmount: minBasket?.amount ?? null,
    minBasketCurrency: minBasket?.currency ?? null,
    categoryIds: input.scope?.categoryIds ?? base?.categoryIds ?? [],
    sellerIds: input.scope?.sellerIds ?? base?.sellerIds ?? [],
    productIds: input.scope?.productIds ?? base?.productIds ?? [],
    startsAt: startsAt ? new Date(startsAt) : null,
    endsAt: endsAt ? new Date(endsAt) : null,
    usageLimit: pick(input.usageLimit, base?.usageLimit ?? null),
    perCustomerLimit: pick(input.perCustomerLimit, base?.perCustomerLimit ?? null),
    stackable: input.stackable ?? base?.stackable ?? false,
    active: input.active ?? base?.active ?? true,
    description: input.description ?? base?.description ?? '',
  };
  if (kind === 'percentage' && values.percent === null)
    throw new PromoInvalid('a percentage promo needs percent');
  if (kind === 'fixed' && (values.amount === null || values.amount <= 0))
    throw new PromoInvalid('a fixed promo needs a positive amount');
  if (values.minBasketAmount !== null && values.minBasketAmount <= 0)
    throw new PromoInvalid('the minimum basket must be positive');
  if (values.startsAt && values.endsAt && values.startsAt >= values.endsAt)
    throw new PromoInvalid('the promo must start before it ends');
  return values;
}
