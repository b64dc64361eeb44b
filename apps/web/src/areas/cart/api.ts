/** The cart and checkout calls (types from the contracts); the cart query is shared by header, pages and checkout. */
import type { Cart, CheckoutRequest, DeliveryOption, Order } from '@sauda/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/useSession.ts';

export type { Cart, CartItem, CartNotice, DeliveryOption, Order } from '@sauda/contracts';

/**
 * The cart's query key: per signed-in user (or "guest"), so signing in fetches again and the service
 * merges the guest cart (its cookie) into the customer's on that first signed-in call.
 */
export const cartKey = (userId: string | null) => ['cart', userId ?? 'guest'] as const;

export const cartQuery = (userId: string | null) =>
  queryOptions({
    queryKey: cartKey(userId),
    queryFn: ({ signal }) => api.get<Cart>('/cart', { signal }),
    staleTime: 15_000,
  });

export const deliveryOptionsQuery = (addressId: string) =>
  queryOptions({
    queryKey: ['cart', 'delivery-options', addressId],
    queryFn: ({ signal }) =>
      api.get<DeliveryOption[]>(`/cart/delivery-options?addressId=${encodeURIComponent(addressId)}`, {
        signal,
      }),
  });

/** The current visitor's cart; waits while the session restores so a guest fetch never races a sign-in. */
export function useCart() {
  const { status, user } = useSession();
  return useQuery({ ...cartQuery(user?.id ?? null), enabled: status !== 'restoring' });
}

const code = (value: string) => encodeURIComponent(value.trim().toUpperCase());

/** Every command answers the whole cart; the answer replaces the cached one. */
export const cartCommands = {
  add: (variantId: string, quantity: number) => api.post<Cart>('/cart/items', { variantId, quantity }),
  change: (itemId: string, quantity: number) => api.patch<Cart>(`/cart/items/${itemId}`, { quantity }),
  remove: (itemId: string) => api.delete<Cart>(`/cart/items/${itemId}`),
  addPromo: (value: string) => api.post<Cart>('/cart/promo', { code: value.trim().toUpperCase() }),
  removePromo: (value: string) => api.delete<Cart>(`/cart/promo/${code(value)}`),
  addGiftCard: (value: string) => api.post<Cart>('/cart/gift-cards', { code: value.trim().toUpperCase() }),
  removeGiftCard: (value: string) => api.delete<Cart>(`/cart/gift-cards/${code(value)}`),
  /** One checkout attempt: the same key on every retry of it, so a double send makes one order. */
  checkout: (body: CheckoutRequest, idempotencyKey: string) =>
    api.post<{ order: Order }>('/checkout', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
};

/** A cart command as a mutation whose answer becomes the cached cart. */
export function useCartCommand<Input>(command: (input: Input) => Promise<Cart>) {
  const client = useQueryClient();
  const { user } = useSession();
  return useMutation({
    mutationFn: command,
    onSuccess: (cart) => client.setQueryData(cartKey(user?.id ?? null), cart),
  });
}
