/** What the orders use cases run with: the database, the other services, the clock and a few settings. */
import type { Db } from '@sauda/kit';
import type { PaymentPort } from './clients/payment.ts';
import type { ShopPort } from './clients/shop.ts';
import type { StockPort } from './clients/stock.ts';
import type { UsersPort } from './clients/users.ts';
import type { OrderRow } from './data/orders-repo.ts';

export interface OrdersSettings {
  sagaLeaseMs: number;
  retryMinMs: number;
  retryMaxMs: number;
  paymentActionTimeoutMs: number;
  returnWindowDays: number;
  /** Prefix of links to the web app ('' = site-relative). */
  webBaseUrl: string;
  mediaDir: string;
  cartCookieSecure: boolean;
  /** Staff may read the customer mail through the API (embedded mode: a development aid). */
  mailViewer: boolean;
}

export interface OrdersContext {
  db: Db;
  shop: ShopPort;
  payment: PaymentPort;
  users: UsersPort;
  stock: StockPort;
  settings: OrdersSettings;
  now: () => Date;
  /** Asks the saga runner to look at an order now (after a commit that made a step due). */
  kick(orderId: string): void;
  /**
   * Set while this process runs sagas (`startSagaLoop`): runs a step already claimed by the caller's
   * committed transaction, without a NOTIFY and a claim of its own.
   */
  sagaRunner?: { runClaimed(order: OrderRow): void };
}

/** Settings for tests and the OpenAPI build. */
export const defaultSettings: OrdersSettings = {
  sagaLeaseMs: 30_000,
  retryMinMs: 1000,
  retryMaxMs: 60_000,
  paymentActionTimeoutMs: 15 * 60_000,
  returnWindowDays: 14,
  webBaseUrl: '',
  mediaDir: '.data/media',
  cartCookieSecure: false,
  mailViewer: true,
};
