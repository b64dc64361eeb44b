/** A product as the assistant's index knows it: what search, filters and answers need. */
import type { CurrencyCode } from '@sauda/contracts';

export interface CatalogProduct {
  id: string;
  title: string;
  /** The Russian (and Kazakh) title and description, when the catalog has them. */
  titleRu?: string;
  description: string;
  descriptionRu?: string;
  brand: string | null;
  /** Category slug and its ancestors, root first (the product's own category last). */
  categoryPath: string[];
  /** The "from" price in minor units. */
  price: number;
  currency: CurrencyCode;
  rating: number | null;
  popularity: number;
  createdAt: string;
  attributes: Record<string, string>;
  /** Lowercase colour names of the product and its variants. */
  colours: string[];
  /** Sizes of its variants (S, M, 42…). */
  sizes: string[];
  imageUrl: string | null;
  /** The variant the chat adds to the cart (the cheapest). */
  variantId: string | null;
}

/** The product's own category slug. */
export const categoryOf = (product: CatalogProduct): string | null => product.categoryPath.at(-1) ?? null;
