/** Calls of the payment area (types from the contracts); every path goes through the gateway's /api/payment. */
import type {
  CardInput,
  CardToken,
  CommissionRate,
  IntentStatus,
  LedgerLine,
  Money,
  PaymentIntent,
  Payout,
  PayoutBatch,
  Refund,
  SellerBalance,
  Wallet,
} from '@sauda/contracts';
import { api } from '../../api/client.ts';
import { getAccessToken } from '../../api/session.ts';

export type { CardToken, CommissionRate, IntentStatus, LedgerLine, PaymentIntent } from '@sauda/contracts';

/** A page of items with the total. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** A fresh Idempotency-Key for one user action (a retried click reuses it). */
export const newKey = (): string => crypto.randomUUID();

export const paymentApi = {
  wallet: () => api.get<Wallet>('/payment/wallet'),
  /** The card number goes to payment only; the answer is a token plus what may be shown. */
  tokenise: (card: CardInput['card']) => api.post<CardToken>('/payment/tokens', { card }),
  /** Saves a tokenised card as a payment method of the customer (owned by users). */
  saveMethod: (token: string) => api.post<unknown>('/me/payment-methods', { token }),
  challenge: (id: string) =>
    api.get<{ intentId: string; amount: Money; card: { brand: string; last4: string }; pending: boolean }>(
      `/payment/sandbox/challenges/${id}`,
    ),
  answerChallenge: (id: string, outcome: 'approve' | 'decline') =>
    api.post<{ intent: PaymentIntent; returnUrl?: string }>(`/payment/sandbox/challenges/${id}`, { outcome }),
  sellerBalance: () => api.get<SellerBalance>('/payment/seller/balance'),
  sellerStatement: () => api.get<{ items: LedgerLine[] }>('/payment/seller/statement'),
  sellerPayouts: () => api.get<{ items: Payout[] }>('/payment/seller/payouts'),
  setPayoutAccount: (iban: string, holder: string) =>
    api.put<{ iban: string }>('/payment/seller/payout-account', { iban, holder }),
  payments: (status: IntentStatus | '', page: number) =>
    api.get<Page<PaymentIntent>>(
      `/payment/admin/payments?page=${page}&limit=20${status ? `&status=${status}` : ''}`,
    ),
  refunds: (page: number) => api.get<Page<Refund>>(`/payment/admin/refunds?page=${page}&limit=20`),
  refund: (
    intentId: string,
    body: { amount?: number; destination: 'original' | 'wallet'; reason?: string },
    key: string,
  ) =>
    api.post<{ refund: Refund }>(`/payment/intents/${intentId}/refunds`, body, {
      headers: { 'Idempotency-Key': key },
    }),
  capture: (intentId: string, key: string) =>
    api.post<{ intent: PaymentIntent }>(
      `/payment/intents/${intentId}/capture`,
      {},
      { headers: { 'Idempotency-Key': key } },
    ),
  rates: () => api.get<{ items: CommissionRate[] }>('/payment/admin/commission-rates'),
  setRate: (rate: CommissionRate) => api.put<CommissionRate>('/payment/admin/commission-rates', rate),
  batches: () => api.get<{ items: PayoutBatch[] }>('/payment/admin/payout-batches'),
  createBatch: () => api.post<PayoutBatch>('/payment/admin/payout-batches', {}),
  markPaid: (id: string) => api.post<null>(`/payment/admin/payout-batches/${id}/paid`),
  /** Downloads the CSV bank file with the bearer token (a plain link would carry no token). */
  async downloadFile(id: string): Promise<void> {
    const token = await getAccessToken();
    const response = await fetch(`/api/payment/admin/payout-batches/${id}/file`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw new Error(`download failed: ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `payouts-${id}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  },
};
