/** The orders service's error catalogue: CODE → HTTP status → title. The kit adds its own. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** A cart line id that is not in the caller's cart. */
export const CartItemNotFound = errorType('CART_ITEM_NOT_FOUND', 404, 'No such line in your cart');
/** Checkout of an empty cart. */
export const CartEmpty = errorType('CART_EMPTY', 409, 'The cart is empty');
/** A variant shop does not know (or no longer sells). */
export const VariantUnavailable = errorType('VARIANT_UNAVAILABLE', 422, 'This item is not for sale');
/** A cart holds at most this many different items. */
export const CartFull = errorType('CART_FULL', 409, 'The cart holds at most 100 different items');
/** Checkout refused: some lines are not available (see the cart's notices). */
export const ItemsUnavailable = errorType(
  'ITEMS_UNAVAILABLE',
  409,
  'Some items are no longer available; review the cart',
);
/** The cart changed between the quote and the order's creation (another tab added or removed items). */
export const CartChanged = errorType(
  'CART_CHANGED',
  409,
  'Your cart changed while you were checking out; review it and try again',
);
/** The shipping address is not among the caller's addresses. */
export const AddressNotFound = errorType('ADDRESS_NOT_FOUND', 404, 'No such address among yours');
/** The delivery option does not exist for this address and cart. */
export const DeliveryOptionInvalid = errorType(
  'DELIVERY_OPTION_INVALID',
  422,
  'This delivery option is not offered for this address',
);
/** A card payment without a token, or a saved card that is not the caller's. */
export const PaymentMethodInvalid = errorType('PAYMENT_METHOD_INVALID', 422, 'Choose a card to pay with');
/** An order id the caller may not see (or that does not exist: indistinguishable on purpose). */
export const OrderNotFound = errorType('ORDER_NOT_FOUND', 404, 'No such order');
/** The order (or these lines) can no longer be cancelled: packed already, or over. */
export const OrderNotCancellable = errorType(
  'ORDER_NOT_CANCELLABLE',
  409,
  'This order can no longer be cancelled',
);
/** A line id that is not on the order (or not the seller's). */
export const LineNotFound = errorType('LINE_NOT_FOUND', 404, 'No such line on this order');
/** A return outside the window, of more than was delivered, or of an order not delivered yet. */
export const ReturnNotAllowed = errorType('RETURN_NOT_ALLOWED', 409, 'These items cannot be returned');
/** A return the caller may not see or that does not exist. */
export const ReturnNotFound = errorType('RETURN_NOT_FOUND', 404, 'No such return');
/** The return was already decided. */
export const ReturnDecided = errorType('RETURN_DECIDED', 409, 'This return was already decided');
/** A photo that is not an image we can read, or too large. */
export const PhotoInvalid = errorType('PHOTO_INVALID', 422, 'Send one JPEG, PNG or WebP image up to 10 MB');
/** A photo id that is not the caller's upload. */
export const PhotoNotFound = errorType('PHOTO_NOT_FOUND', 404, 'No such photo among your uploads');
/** An illegal move of the order lifecycle (a bug or a race): the transitions table refused it. */
export const TransitionRefused = errorType(
  'TRANSITION_REFUSED',
  409,
  'The order is not in a state that allows this',
);

export const ordersErrors: ErrorCatalogue = [
  CartItemNotFound,
  CartEmpty,
  VariantUnavailable,
  CartFull,
  ItemsUnavailable,
  CartChanged,
  AddressNotFound,
  DeliveryOptionInvalid,
  PaymentMethodInvalid,
  OrderNotFound,
  OrderNotCancellable,
  LineNotFound,
  ReturnNotAllowed,
  ReturnNotFound,
  ReturnDecided,
  PhotoInvalid,
  PhotoNotFound,
  TransitionRefused,
];
