/** Calls to `users`: the caller's address and saved card (with their own token), sellers' shop names. */
import type { Address, PaymentMethod } from '@sauda/contracts';
import { createTtlCache, type HttpClient } from '@sauda/kit';

/** What orders asks of users. */
export interface UsersPort {
  addresses(token: string): Promise<Address[]>;
  paymentMethods(token: string): Promise<PaymentMethod[]>;
  /** A seller's shop name; "Seller" when users cannot say (the cart must not fail for a name). */
  sellerName(sellerId: string): Promise<string>;
}

/** The users port over HTTP, seller names cached for ten minutes. */
export function usersPort(client: HttpClient): UsersPort {
  const names = createTtlCache<string>({ ttlMs: 600_000, maxEntries: 10_000 });
  return {
    addresses: (token) => client.get<Address[]>('/me/addresses', { token }),
    paymentMethods: (token) => client.get<PaymentMethod[]>('/me/payment-methods', { token }),
    sellerName: (sellerId) =>
      names
        .getOrLoad(sellerId, async () => (await client.get<{ name: string }>(`/sellers/${sellerId}`)).name)
        // Not cached: a name users could not give now may come later.
        .catch(() => 'Seller'),
  };
}
