/** Stored rows shaped as the API shows them. */
import type { Address, PaymentMethod, SellerApplication } from '@sauda/contracts';
import type { StoredAddress } from '../data/addresses.ts';
import type { StoredPaymentMethod } from '../data/payment-methods.ts';
import type { StoredApplication } from '../data/seller-applications.ts';

/** An address as the API shows it. */
export function addressView(a: StoredAddress): Address {
  return {
    id: a.id,
    label: a.label,
    recipient: a.recipient,
    phone: a.phone,
    country: a.country,
    city: a.city,
    street: a.street,
    postalCode: a.postalCode,
    lat: a.lat,
    lng: a.lng,
    isDefault: a.isDefault,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A saved card as the API shows it. */
export function paymentMethodView(m: StoredPaymentMethod): PaymentMethod {
  return {
    id: m.id,
    token: m.token,
    brand: m.brand,
    last4: m.last4,
    expMonth: m.expMonth,
    expYear: m.expYear,
    isDefault: m.isDefault,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A seller application as the API shows it. */
export function applicationView(a: StoredApplication): SellerApplication {
  return {
    id: a.id,
    accountId: a.accountId,
    shopName: a.shopName,
    legalName: a.legalName,
    bin: a.bin,
    iban: a.iban,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone,
    status: a.status,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
  };
}
