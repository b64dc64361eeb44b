/** The cart: guests by their HttpOnly cookie, customers by their token; every command answers the cart. */
import { AddCartItem, Cart, CartCode, ChangeCartItem, DeliveryOption, Uuid } from '@sauda/contracts';
import { Unauthenticated, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addCartItem } from '../cart/add-cart-item.ts';
import { listDeliveryOptions } from '../cart/list-delivery-options.ts';
import { resolveCart } from '../cart/resolve-cart.ts';
import { emptyCart, viewCart } from '../cart/view-cart.ts';
import type { OrdersContext } from '../context.ts';
import { changeItem, findCartById, removeItem, setCodes } from '../data/carts-repo.ts';
import { CartItemNotFound } from '../errors.ts';

const auth = { access: 'public', owns: "the caller's own cart (a guest's by its cookie)" } as const;
const tags = ['cart'];
const ItemParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const CodeParams = Type.Object(
  { code: Type.String({ minLength: 3, maxLength: 40 }) },
  { additionalProperties: false },
);

const norm = (code: string) => code.trim().toUpperCase();

/** Registers the cart routes. */
export function cartRoutes(app: App, ctx: OrdersContext): void {
  const answer = async (request: FastifyRequest, reply: FastifyReply, create = false) => {
    const cart = await resolveCart(ctx, request, reply, { create });
    return cart.guest_token === null && cart.customer_id === null ? emptyCart(cart) : viewCart(ctx, cart);
  };
  const command = <Body, Params>(
    method: 'post' | 'patch' | 'delete',
    url: string,
    summary: string,
    schema: { body?: Body; params?: Params },
    work: (cartId: string, request: FastifyRequest) => Promise<void>,
    create = false,
  ) =>
    app[method](
      url,
      { config: { auth }, schema: { tags, summary, ...(schema as object), response: { 200: Cart } } },
      async (request, reply) => {
        const cart = await resolveCart(ctx, request, reply, { create });
        await work(cart.id, request);
        // Read again after the change; a cart gone meanwhile (merged) shows empty.
        return viewCart(ctx, (await findCartById(ctx.db, cart.id)) ?? { ...cart, items: [] });
      },
    );

  app.get(
    '/cart',
    {
      config: { auth },
      schema: { tags, summary: 'The cart, priced now, with what changed', response: { 200: Cart } },
    },
    async (request, reply) => answer(request, reply),
  );
  app.post(
    '/cart/items',
    {
      config: { auth },
      schema: { tags, summary: 'Add an item', body: AddCartItem, response: { 200: Cart } },
    },
    async (request, reply) => {
      const cart = await resolveCart(ctx, request, reply, { create: true });
      const added = await addCartItem(ctx, cart, request.body);
      return viewCart(ctx, { ...cart, items: added.items }, added.quote);
    },
  );
  command(
    'patch',
    '/cart/items/:id',
    'Change the quantity of a line',
    { body: ChangeCartItem, params: ItemParams },
    async (cartId, request) => {
      const { id } = request.params as { id: string };
      const { quantity } = request.body as { quantity: number };
      if (!(await changeItem(ctx.db, cartId, id, quantity))) throw new CartItemNotFound();
    },
  );
  command('delete', '/cart/items/:id', 'Remove a line', { params: ItemParams }, async (cartId, request) => {
    if (!(await removeItem(ctx.db, cartId, (request.params as { id: string }).id)))
      throw new CartItemNotFound();
  });
  const codes =
    (kind: 'promoCodes' | 'giftCards', change: (list: string[], code: string) => string[]) =>
    async (cartId: string, request: FastifyRequest) => {
      const code = norm(
        (request.body as { code?: string } | undefined)?.code ?? (request.params as { code: string }).code,
      );
      const [row] = await ctx.db<{ promo_codes: string[]; gift_cards: string[] }[]>`
        select promo_codes, gift_cards from carts where id = ${cartId}`;
      const current = kind === 'promoCodes' ? (row?.promo_codes ?? []) : (row?.gift_cards ?? []);
      await setCodes(ctx.db, cartId, { [kind]: change(current, code) });
    };
  const add = (list: string[], code: string) => [...list.filter((c) => c !== code), code].slice(-5);
  const drop = (list: string[], code: string) => list.filter((c) => c !== code);
  command(
    'post',
    '/cart/promo',
    'Apply a promo code (the answer says whether it applies, and why not)',
    { body: CartCode },
    codes('promoCodes', add),
    true,
  );
  command(
    'delete',
    '/cart/promo/:code',
    'Remove a promo code',
    { params: CodeParams },
    codes('promoCodes', drop),
  );
  command('post', '/cart/gift-cards', 'Apply a gift card', { body: CartCode }, codes('giftCards', add), true);
  command(
    'delete',
    '/cart/gift-cards/:code',
    'Remove a gift card',
    { params: CodeParams },
    codes('giftCards', drop),
  );

  app.get(
    '/cart/delivery-options',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own cart and address" } },
      schema: {
        tags,
        summary: 'Delivery options for one of my addresses: fee and promised date (courier, express, pickup)',
        querystring: Type.Object({ addressId: Uuid }, { additionalProperties: false }),
        response: { 200: Type.Array(DeliveryOption) },
      },
    },
    async (request, reply) => {
      const token = bearer(request);
      const cart = await resolveCart(ctx, request, reply, { create: false });
      return listDeliveryOptions(ctx, cart, token, request.query.addressId);
    },
  );
}

/** The caller's own bearer token, forwarded to users for their address book. */
export function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw new Unauthenticated();
  return header.slice(7);
}
