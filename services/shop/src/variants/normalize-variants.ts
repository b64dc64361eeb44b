/** Checks a seller's variant list and turns it into rows (ids kept or minted, prices consistent). */
import type { VariantInput } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { NewVariantRow } from '../data/variants-repo.ts';
import { DuplicateSku, InvalidPrice, VariantNotFound } from '../errors.ts';

/**
 * Validates and maps variants. `existingIds` are the product's current variant ids: an `id` outside
 * them is refused (a seller cannot adopt another product's variant). `firstId` is used for the first
 * minted variant (the demo seed's fixed ids).
 */
export function normalizeVariants(
  inputs: VariantInput[],
  existingIds: ReadonlySet<string>,
  firstId?: string,
): NewVariantRow[] {
  const skus = new Set<string>();
  return inputs.map((v, index) => {
    if (v.id && !existingIds.has(v.id))
      throw new VariantNotFound(`variant ${v.id} is not part of this product`);
    const sku = v.sku.trim();
    if (skus.has(sku.toLowerCase())) throw new DuplicateSku(`SKU ${sku} appears twice`, { sku });
    skus.add(sku.toLowerCase());
    const compareAt = v.compareAt ?? null;
    if (compareAt !== null && compareAt <= v.price)
      throw new InvalidPrice(`variant ${sku}: the compare-at price must be above the price`);
    const sale = v.sale ?? null;
    if (sale && sale.amount >= v.price)
      throw new InvalidPrice(`variant ${sku}: the sale price must be below the price`);
    if (sale?.endsAt && Date.parse(sale.endsAt) <= Date.parse(sale.startsAt))
      throw new InvalidPrice(`variant ${sku}: the sale must end after it starts`);
    return {
      id: v.id ?? (index === 0 && firstId ? firstId : uuidv7()),
      sku,
      options: v.options ?? {},
      priceAmount: v.price,
      compareAtAmount: compareAt,
      saleAmount: sale?.amount ?? null,
      saleStartsAt: sale ? new Date(sale.startsAt) : null,
      saleEndsAt: sale?.endsAt ? new Date(sale.endsAt) : null,
      weightGrams: v.weightGrams ?? 0,
    };
  });
}

/** A readable SKU for a product created without variants: `SKU-` and the id's tail. */
export const defaultSku = (productId: string): string =>
  `SKU-${productId.replace(/-/g, '').slice(-10).toUpperCase()}`;

/** Maps the unique-violation of `(seller_id, sku)` to DUPLICATE_SKU; rethrows anything else. */
export function rethrowSkuConflict(error: unknown): never {
  const pg = error as { code?: string; constraint_name?: string };
  if (pg.code === '23505' && pg.constraint_name === 'product_variants_seller_id_sku_key')
    throw new DuplicateSku('one of these SKUs is used by another of your products');
  throw error;
}
