/** The shop service's error catalogue: CODE → HTTP status → message. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** A product id or slug that does not exist (or is not visible to the caller). */
export const ProductNotFound = errorType('PRODUCT_NOT_FOUND', 404, 'This product does not exist');
/** A category slug that does not exist. */
export const CategoryNotFound = errorType('CATEGORY_NOT_FOUND', 422, 'This category does not exist');
/** A price range whose minimum is above its maximum. */
export const InvalidPriceRange = errorType(
  'INVALID_PRICE_RANGE',
  400,
  'The minimum price is above the maximum',
);

export const shopErrors: ErrorCatalogue = [ProductNotFound, CategoryNotFound, InvalidPriceRange];
