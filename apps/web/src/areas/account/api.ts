import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The signed-in account as `/api/me` answers it. */
export interface Me {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: string[];
  locale: 'en' | 'ru' | 'kk';
  currency: 'KZT' | 'USD' | 'EUR' | 'RUB';
  createdAt: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  depotId: string | null;
  sortingCentreId: string | null;
}

/** A delivery address. */
export interface Address {
  id: string;
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
  createdAt: string;
}

/** What the address form sends. */
export type AddressInput = Omit<Address, 'id' | 'isDefault' | 'createdAt'>;

/** A saved card: a payment token with brand, last four and expiry. */
export interface PaymentMethod {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  createdAt: string;
}

/** A signed-in device. */
export interface SessionView {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/** A request to become a seller. */
export interface SellerApplication {
  id: string;
  accountId: string;
  shopName: string;
  legalName: string;
  bin: string;
  iban: string;
  contactEmail: string;
  contactPhone: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** Cities of Kazakhstan the API accepts: the list `users` validates against. */
export { KZ_CITIES } from '@sauda/contracts/kz';

/** Query keys of the cabinet, so mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  addresses: ['me', 'addresses'] as const,
  cards: ['me', 'payment-methods'] as const,
  sessions: ['me', 'sessions'] as const,
  application: ['me', 'seller-application'] as const,
};

export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: ({ signal }) => api.get<Me>('/me', { signal }),
});
export const addressesQuery = queryOptions({
  queryKey: keys.addresses,
  queryFn: ({ signal }) => api.get<Address[]>('/me/addresses', { signal }),
});
export const cardsQuery = queryOptions({
  queryKey: keys.cards,
  queryFn: ({ signal }) => api.get<PaymentMethod[]>('/me/payment-methods', { signal }),
});
export const sessionsQuery = queryOptions({
  queryKey: keys.sessions,
  queryFn: ({ signal }) => api.get<SessionView[]>('/me/sessions', { signal }),
});
/** The latest application, or null before the first one (the API answers 404). */
export const applicationQuery = queryOptions({
  queryKey: keys.application,
  queryFn: async ({ signal }) => {
    try {
      return await api.get<SellerApplication>('/me/seller-application', { signal });
    } catch (error) {
      if (error instanceof Error && 'status' in error && error.status === 404) return null;
      throw error;
    }
  },
});
