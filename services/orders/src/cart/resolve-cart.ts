/**
 * Which cart a request means: a signed-in customer's own (merging in the guest cart its cookie names, then
 * clearing the cookie), else the guest cart of the HttpOnly `sauda_cart` cookie — a random token, never an id.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '@sauda/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { OrdersContext } from '../context.ts';
import {
  createGuestCart,
  customerCart,
  findCartByToken,
  loadCustomerCart,
  mergeCarts,
  type CartItemRow,
  type CartRow,
} from '../data/carts-repo.ts';
import { withTransaction } from '@sauda/kit';

export const CART_COOKIE = 'sauda_cart';
const COOKIE_MAX_AGE_S = 60 * 60 * 24 * 30;

/** The cookie's value on a request, if any. */
export function cartCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CART_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

function setCookie(ctx: OrdersContext, reply: FastifyReply, value: string, maxAge: number): void {
  const secure = ctx.settings.cartCookieSecure ? '; Secure' : '';
  void reply.header(
    'set-cookie',
    `${CART_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`,
  );
}

/** A cart as a request resolved it: its lines too when they were read with it. */
export type ResolvedCart = CartRow & { items?: CartItemRow[] };

/**
 * The request's cart; a guest without one gets an unsaved empty cart unless `create` (the first added
 * item creates it and sets the cookie).
 */
export async function resolveCart(
  ctx: OrdersContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { create: boolean },
): Promise<ResolvedCart> {
  const principal: Principal | undefined = request.principal;
  const token = cartCookie(request);
  if (principal) {
    // The common case, a signed-in customer with no guest cart to merge, reads without writing.
    if (!token) {
      const existing = await loadCustomerCart(ctx.db, principal.id);
      if (existing) return existing;
    }
    return withTransaction(ctx.db, async (tx) => {
      const mine = await customerCart(tx, principal.id);
      const guest = token ? await findCartByToken(tx, token) : undefined;
      if (guest && guest.customer_id === null) await mergeCarts(tx, guest, mine);
      if (token) setCookie(ctx, reply, '', 0);
      return mine;
    });
  }
  const found = token ? await findCartByToken(ctx.db, token) : undefined;
  if (found) return found;
  if (!options.create)
    return {
      id: uuidv7(),
      guest_token: null,
      customer_id: null,
      promo_codes: [],
      gift_cards: [],
      last_quote: null,
      updated_at: new Date(),
    };
  const fresh = randomBytes(24).toString('base64url');
  const cart = await createGuestCart(ctx.db, fresh);
  setCookie(ctx, reply, fresh, COOKIE_MAX_AGE_S);
  return cart;
}
