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

/** A SKU the seller already uses on another variant. */
export const DuplicateSku = errorType(
  'DUPLICATE_SKU',
  409,
  'This SKU is already used by another of your variants',
);
/** A variant id that belongs to another product. */
export const VariantNotFound = errorType('VARIANT_NOT_FOUND', 422, 'This variant is not part of the product');
/** A compare-at price not above the price, or a sale not below it. */
export const InvalidPrice = errorType('INVALID_PRICE', 422, 'The price combination is not valid');
/** An archived product cannot be edited or re-activated. */
export const ProductArchivedError = errorType('PRODUCT_ARCHIVED', 409, 'This product is archived');
/** A category slug already taken. */
export const CategorySlugTaken = errorType('CATEGORY_SLUG_TAKEN', 409, 'Another category has this slug');
/** Moving a category under itself or one of its descendants. */
export const CategoryCycle = errorType('CATEGORY_CYCLE', 422, 'A category cannot be moved under itself');
/** An upload that is not a readable image, or too large. */
export const InvalidImage = errorType('INVALID_IMAGE', 422, 'The file is not a supported image');
/** An image id that is not part of the product. */
export const ImageNotFound = errorType('IMAGE_NOT_FOUND', 404, 'This image does not exist');
/** A media key that has no file. */
export const MediaNotFound = errorType('MEDIA_NOT_FOUND', 404, 'No such file');
/** A CSV upload that cannot be read at all (rows with errors are reported per row instead). */
export const InvalidCsv = errorType('INVALID_CSV', 422, 'The CSV file cannot be read');
/** An import job id that does not exist or is another seller's. */
export const ImportNotFound = errorType('IMPORT_NOT_FOUND', 404, 'This import does not exist');

/** A listing page deeper than the listing goes (page × limit above 10,000). */
export const PageTooDeep = errorType(
  'PAGE_TOO_DEEP',
  400,
  'Listings go 10,000 products deep; narrow the search with filters instead',
);

/** A change-feed cursor this feed did not write. */
export const InvalidCursor = errorType(
  'INVALID_CURSOR',
  400,
  'This cursor was not issued by the change feed',
);

export const shopErrors: ErrorCatalogue = [
  ProductNotFound,
  PageTooDeep,
  InvalidCursor,
  CategoryNotFound,
  InvalidPriceRange,
  DuplicateSku,
  VariantNotFound,
  InvalidPrice,
  ProductArchivedError,
  CategorySlugTaken,
  CategoryCycle,
  InvalidImage,
  ImageNotFound,
  MediaNotFound,
  InvalidCsv,
  ImportNotFound,
];
