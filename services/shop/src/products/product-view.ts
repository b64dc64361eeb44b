/** The product page: the product with its variants, gallery and (for the owner) translations. */
import type { Product } from '@sauda/contracts';
import { hasRole, type Principal, type Queryable } from '@sauda/kit';
import { listImages, toImage, type ImageRow } from '../data/images-repo.ts';
import { toProduct, type ProductRow } from '../data/products-repo.ts';
import { listVariants, type VariantRow } from '../data/variants-repo.ts';

/** True when the caller may see the product: active and not hidden, or their own, or an admin. */
export function mayView(row: ProductRow, caller: Principal | undefined): boolean {
  const isPublic = row.status === 'active' && !row.hidden_at;
  return isPublic || row.seller_id === caller?.id || hasRole(caller, 'admin');
}

/** Builds the full answer; owner-only fields (translations, moderation) only for the owner and admins. */
export async function productView(
  db: Queryable,
  row: ProductRow,
  caller: Principal | undefined,
  locale: string,
): Promise<Product> {
  const [variants, images] = await Promise.all([listVariants(db, [row.id]), listImages(db, row.id)]);
  return buildProductView({ ...row, variants, images }, caller, locale);
}

/** The full answer from a row that already holds its variants and images. */
export function buildProductView(
  row: ProductRow & { variants: VariantRow[]; images: ImageRow[] },
  caller: Principal | undefined,
  locale: string,
): Product {
  const { variants, images } = row;
  const product = toProduct(row, locale);
  const money = (amount: string | number) => ({ amount: Number(amount), currency: row.currency });
  product.variants = variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    options: v.options,
    price: money(v.effective_amount),
    compareAt: v.effective_compare_at === null ? null : money(v.effective_compare_at),
    regularPrice: money(v.price_amount),
    regularCompareAt: v.compare_at_amount === null ? null : money(v.compare_at_amount),
    sale:
      v.sale_amount === null || !v.sale_starts_at
        ? null
        : {
            amount: Number(v.sale_amount),
            startsAt: v.sale_starts_at.toISOString(),
            endsAt: v.sale_ends_at ? v.sale_ends_at.toISOString() : null,
          },
    weightGrams: v.weight_grams,
  }));
  product.images = images.map(toImage);
  if (row.seller_id === caller?.id || hasRole(caller, 'admin')) {
    product.translations = row.translations ?? {};
    product.moderation = row.hidden_at
      ? { reason: row.hidden_reason ?? '', hiddenAt: new Date(row.hidden_at).toISOString() }
      : null;
  }
  return product;
}
