/** The orders OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { describeApiOf } from '@sauda/kit';
import { buildApp } from './app.ts';
import type { OrdersContext } from './context.ts';
import { defaultSettings } from './context.ts';

const unused = () => Promise.reject(new Error('not available while describing the API'));

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export const describeApi = (): Promise<Record<string, unknown>> =>
  describeApiOf(({ db, auth }) => {
    const ctx: OrdersContext = {
      db,
      shop: { quote: unused, reservePromos: unused, redeemGiftCard: unused },
      payment: { authorize: unused, get: unused, void: unused, capture: unused, refund: unused },
      users: { addresses: unused, paymentMethods: unused, sellerName: unused },
      stock: { availability: unused, depots: unused },
      settings: defaultSettings,
      now: () => new Date(),
      kick: () => undefined,
    };
    return buildApp({ ctx, auth, logLevel: 'silent' });
  });
