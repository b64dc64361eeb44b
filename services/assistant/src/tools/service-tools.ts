/**
 * The tools of one request, bound to the caller: reads of the customer's data carry the customer's own
 * bearer token (never a privileged one), so `orders`, `users` and `shipping` apply their own rules.
 */
import type {
  Address,
  DeliveryOption,
  Order,
  OrderSummary,
  PaymentMethod,
  Product,
  ProductRecommendations,
  ReviewPage,
  TrackingView,
} from '@sauda/contracts';
import type { Tools } from '../dialogue/types.ts';
import type { CatalogIndex } from '../retrieval/catalog-index.ts';
import { orNull, type Clients } from './clients.ts';

/** Tools for a caller; `token` is absent for a guest. */
export function serviceTools(index: CatalogIndex, clients: Clients, token: string | undefined): Tools {
  const asCustomer = token ? { token } : undefined;
  return {
    search: (request) => index.search(request),
    product: (id) => index.get(id),
    async details(id) {
      const product = index.get(id);
      if (!product) return null;
      const [page, reviews] = await Promise.all([
        orNull(clients.shop.get<Product>(`/products/${id}`)),
        orNull(clients.shop.get<ReviewPage>(`/products/${id}/reviews`, { query: { limit: 5 } })),
      ]);
      if (!page) return null;
      return {
        product,
        description: page.description,
        attributes: page.attributes,
        variants: (page.variants ?? []).map((v) => ({
          id: v.id,
          title: Object.values(v.options).join(' / '),
          price: v.price.amount,
          weightGrams: v.weightGrams,
        })),
        reviews: {
          rating: reviews?.rating ?? product.rating,
          count: reviews?.reviewCount ?? 0,
          texts: (reviews?.items ?? []).filter((r) => !r.hidden).map((r) => `${r.title}. ${r.body}`.trim()),
        },
      };
    },
    async recommendations(id) {
      const lists = await orNull(clients.shop.get<ProductRecommendations>(`/products/${id}/recommendations`));
      if (!lists) return [];
      return [...lists.boughtTogether, ...lists.similar, ...lists.popularInCategory].map((p) => p.id);
    },
    async forYou() {
      if (!asCustomer) return null;
      const answer = await orNull(
        clients.shop.get<{ items: Array<{ id: string }> }>('/shop/for-you', asCustomer),
      );
      return answer?.items.map((p) => p.id) ?? null;
    },
    async orders() {
      if (!asCustomer) return null;
      const page = await orNull(
        clients.orders.get<{ items: OrderSummary[] }>('/orders', { ...asCustomer, query: { limit: 20 } }),
      );
      return page?.items ?? null;
    },
    async order(id) {
      if (!asCustomer) return null;
      return orNull(clients.orders.get<Order>(`/orders/${id}`, asCustomer));
    },
    tracking: (number) =>
      orNull(clients.shipping.get<TrackingView>(`/tracking/${encodeURIComponent(number)}`, asCustomer)),
    async deliveryOptions() {
      if (!asCustomer) return null;
      const addresses = await orNull(clients.users.get<Address[]>('/me/addresses', asCustomer));
      const address = addresses?.find((a) => a.isDefault) ?? addresses?.[0];
      if (!address) return null;
      return orNull(
        clients.orders.get<DeliveryOption[]>('/cart/delivery-options', {
          ...asCustomer,
          query: { addressId: address.id },
        }),
      );
    },
    async savedPaymentMethods() {
      if (!asCustomer) return null;
      const methods = await orNull(clients.users.get<PaymentMethod[]>('/me/payment-methods', asCustomer));
      return methods?.map((m) => ({ brand: m.brand, last4: m.last4 })) ?? null;
    },
  };
}
