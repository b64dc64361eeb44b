/** `GET /cart/delivery-options?addressId=`: the options for one of the caller's addresses and their cart. */
import type { Address, DeliveryOption } from '@sauda/contracts';
import type { OrdersContext } from '../context.ts';
import { cartItems, type CartRow } from '../data/carts-repo.ts';
import { deliveryOptions } from '../delivery/delivery-options.ts';
import { AddressNotFound } from '../errors.ts';

/** The caller's address by id (through users, with the caller's own token). */
export async function callerAddress(ctx: OrdersContext, token: string, addressId: string): Promise<Address> {
  const address = (await ctx.users.addresses(token)).find((a) => a.id === addressId);
  if (!address) throw new AddressNotFound();
  return address;
}

/** The cart's weight from the lines shop last quoted. */
export async function cartWeight(ctx: OrdersContext, cart: CartRow): Promise<number> {
  const items = await cartItems(ctx.db, cart.id);
  return items.reduce((sum, item) => sum + (item.snapshot?.weightGrams ?? 0) * item.quantity, 0);
}

/** Courier, express and pickup options with their fees and promised dates. */
export async function listDeliveryOptions(
  ctx: OrdersContext,
  cart: CartRow,
  token: string,
  addressId: string,
): Promise<DeliveryOption[]> {
  const address = await callerAddress(ctx, token, addressId);
  return deliveryOptions({
    address: { countryCode: address.country, city: address.city },
    depots: await ctx.stock.depots().catch(() => []),
    weightGrams: await cartWeight(ctx, cart),
    currency: cart.last_quote?.currency ?? 'KZT',
    freeShipping: cart.last_quote?.freeShipping ?? false,
    now: ctx.now(),
  });
}
