/** The orders app on a fresh database with fake neighbours (shop, stock, users, payment) a test can steer. */
import type { Address, Quote, QuoteLine, QuoteRequest } from '@sauda/contracts';
import { eventMigrations, idempotencyMigrations, migrate, UpstreamUnavailable, type App } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';
import { buildApp } from '../app.ts';
import type { PickupDepot } from '../clients/stock.ts';
import { defaultSettings, type OrdersContext } from '../context.ts';

export const SELLER_A = '01940000-0000-7000-8000-0000000000a1';
export const SELLER_B = '01940000-0000-7000-8000-0000000000b2';
export const DEPOT = '01950000-0000-7000-8000-0000000de001';

/** What the fakes answer; tests change it between calls. */
export interface World {
  prices: Map<string, { price: number; seller: string; available: boolean }>;
  stock: Map<string, number>;
  addresses: Address[];
  shopDown: boolean;
  stockDown: boolean;
  /** Shop's quote carries the units stock reported (`stock`), as a shop fed by level events does. */
  quoteUnits: boolean;
}

export interface OrdersTestApp {
  app: App;
  db: TestDatabase;
  tokens: TestTokens;
  world: World;
  ctx: OrdersContext;
  as(id: string, roles?: Array<'customer' | 'seller' | 'admin'>): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

const down = () => new UpstreamUnavailable('down', { service: 'test' });

function fakeQuote(world: World, request: QuoteRequest): Quote {
  const m = (amount: number) => ({ amount, currency: 'KZT' as const });
  const lines: QuoteLine[] = request.lines.map((l) => {
    const p = world.prices.get(l.variantId) ?? { price: 0, seller: SELLER_A, available: false };
    const total = p.available ? p.price * l.quantity : 0;
    return {
      variantId: l.variantId,
      productId: l.variantId,
      sellerId: p.seller,
      title: `Item ${l.variantId.slice(-4)}`,
      sku: `SKU-${l.variantId.slice(-4)}`,
      quantity: l.quantity,
      available: p.available,
      unitPrice: m(p.price),
      compareAt: null,
      subtotal: m(total),
      discount: m(0),
      total: m(total),
      imageUrl: null,
      weightGrams: 400,
      ...(world.quoteUnits ? { unitsLeft: world.stock.get(l.variantId) ?? 100 } : {}),
    };
  });
  const sellers = [...new Set(lines.map((l) => l.sellerId))].map((sellerId) => {
    const total = lines.filter((l) => l.sellerId === sellerId).reduce((a, l) => a + l.total.amount, 0);
    return {
      sellerId,
      subtotal: m(total),
      discount: m(0),
      total: m(total),
      vat: m(Math.round((total * 12) / 112)),
    };
  });
  const total = sellers.reduce((a, s) => a + s.total.amount, 0);
  const promos = (request.promoCodes ?? []).map((code) => ({
    code,
    applied: code === 'FREESHIP',
    reason: code === 'FREESHIP' ? null : 'PROMO_NOT_FOUND',
    discount: m(0),
    freeShipping: code === 'FREESHIP',
  }));
  return {
    currency: 'KZT',
    country: 'KZ',
    vatRatePercent: 12,
    lines,
    sellers,
    promos,
    giftCards: [],
    freeShipping: promos.some((p) => p.freeShipping),
    subtotal: m(total),
    discount: m(0),
    total: m(total),
    vat: m(Math.round((total * 12) / 112)),
    giftCardAmount: m(0),
    payable: m(total),
    allAvailable: lines.every((l) => l.available),
    appliedPromoCodes: promos.filter((p) => p.applied).map((p) => p.code),
    quotedAt: new Date().toISOString(),
  };
}

/** Builds the app over a new migrated database. */
export async function createOrdersTestApp(): Promise<OrdersTestApp> {
  const db = await createTestDatabase('orders');
  await migrate(db.sql, new URL('../../migrations', import.meta.url), [
    ...eventMigrations,
    ...idempotencyMigrations,
  ]);
  const tokens = await createTestTokens();
  const world: World = {
    prices: new Map(),
    stock: new Map(),
    addresses: [],
    shopDown: false,
    stockDown: false,
    quoteUnits: false,
  };
  const depots: PickupDepot[] = [
    { id: DEPOT, name: 'Almaty depot', city: 'Almaty', countryCode: 'KZ', lat: 43.2, lng: 76.9 },
  ];
  const never = () => Promise.reject(down());
  const ctx: OrdersContext = {
    db: db.sql,
    shop: {
      quote: async (request) => {
        if (world.shopDown) throw down();
        return fakeQuote(world, request);
      },
      reservePromos: async () => undefined,
      redeemGiftCard: async () => undefined,
    },
    stock: {
      availability: async (ids) => {
        if (world.stockDown) throw down();
        return new Map(ids.map((id) => [id, world.stock.get(id) ?? 100]));
      },
      depots: async () => depots,
    },
    users: {
      addresses: async () => world.addresses,
      paymentMethods: async () => [],
      sellerName: async (id) => (id === SELLER_A ? 'Shop A' : 'Shop B'),
    },
    payment: { authorize: never, get: never, void: never, capture: never, refund: never },
    settings: defaultSettings,
    now: () => new Date(),
    kick: () => undefined,
  };
  const app = await buildApp({ ctx, auth: tokens.verifier, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    db,
    tokens,
    world,
    ctx,
    as: async (id, roles = ['customer']) => ({
      authorization: `Bearer ${await tokens.sign({ id, roles, email: `${id.slice(-4)}@example.kz` })}`,
    }),
    close: async () => {
      await app.close();
      tokens.verifier.close();
      await db.drop();
    },
  };
}
