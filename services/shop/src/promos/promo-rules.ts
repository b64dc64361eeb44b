/** A promo code's rules and the pure check of whether it may apply to a basket. */

/** What pricing needs to know about a promo code. */
export interface PromoRule {
  id: string;
  code: string;
  kind: 'percentage' | 'fixed' | 'free_shipping';
  percent: number | null;
  amount: number | null;
  currency: string | null;
  minBasket: { amount: number; currency: string } | null;
  scope: { categoryIds: string[]; sellerIds: string[]; productIds: string[] };
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  usedCount: number;
  stackable: boolean;
  active: boolean;
}

/** The basket facts a promo is checked against. */
export interface PromoContext {
  now: Date;
  currency: string;
  customerId: string | null;
  /** Confirmed or reserved uses of this code by the customer. */
  customerUses: number;
  /** The subtotal of the lines in the promo's scope. */
  eligibleSubtotal: number;
}

/** Why a promo does not apply (a stable error code), or null when it does. Checks run cheapest first. */
export function promoRejection(rule: PromoRule | undefined, ctx: PromoContext): string | null {
  if (!rule) return 'PROMO_NOT_FOUND';
  if (!rule.active) return 'PROMO_INACTIVE';
  if (rule.startsAt && ctx.now < rule.startsAt) return 'PROMO_NOT_STARTED';
  if (rule.endsAt && ctx.now >= rule.endsAt) return 'PROMO_EXPIRED';
  if (rule.usageLimit !== null && rule.usedCount >= rule.usageLimit) return 'PROMO_USAGE_LIMIT_REACHED';
  if (rule.perCustomerLimit !== null) {
    // A per-customer limit cannot be honoured for someone we cannot count.
    if (!ctx.customerId) return 'PROMO_SIGN_IN_REQUIRED';
    if (ctx.customerUses >= rule.perCustomerLimit) return 'PROMO_CUSTOMER_LIMIT_REACHED';
  }
  if (rule.kind === 'fixed' && rule.currency !== ctx.currency) return 'PROMO_CURRENCY_MISMATCH';
  if (rule.minBasket && rule.minBasket.currency !== ctx.currency) return 'PROMO_CURRENCY_MISMATCH';
  if (ctx.eligibleSubtotal === 0) return 'PROMO_NOT_APPLICABLE';
  if (rule.minBasket && ctx.eligibleSubtotal < rule.minBasket.amount) return 'PROMO_MIN_BASKET_NOT_MET';
  return null;
}
