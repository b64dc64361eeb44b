/**
 * Reads a seller's product CSV into products with variants. Rows sharing a `handle` are variants of one
 * product (the first row's product fields win); a row without a handle is a product of its own.
 * Prices are written the way sellers think of them, in tenge ("12500" or "12 500,50").
 */
import type { NewProduct, VariantInput } from '@sauda/contracts';
import { parse } from 'csv-parse/sync';

/** One problem of one row: shown to the seller next to the row number (1 = first data row). */
export type RowError = { row: number; field: string; message: string };

/** A product to create, with the data rows it came from. */
export interface ImportGroup {
  rows: number[];
  product: NewProduct;
}

/** The columns the importer understands; `title`, `sku` and `price` are required. */
export const IMPORT_COLUMNS = [
  'handle',
  'title',
  'description',
  'brand',
  'category',
  'sku',
  'price',
  'compare_at',
  'size',
  'colour',
  'weight_grams',
  'status',
  'title_ru',
  'description_ru',
  'title_kk',
  'description_kk',
] as const;
const REQUIRED = ['title', 'sku', 'price'] as const;

/** Parses the header and rows; throws with a readable message when the file is not a usable CSV. */
export function readCsv(csv: string): Record<string, string>[] {
  const records = parse<Record<string, string>>(csv, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
  });
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length === 0) throw new Error('the file has no data rows');
  if (missing.length > 0) throw new Error(`missing column(s): ${missing.join(', ')}`);
  if (records.length > 10_000) throw new Error('at most 10,000 rows per file');
  return records;
}

/** "12 500,50" → 1250050 minor units; undefined when not a positive amount. */
export function parseTenge(text: string): number | undefined {
  const clean = text.replace(/[\s\u00a0₸]/g, '').replace(',', '.');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(clean)) return undefined;
  const minor = Math.round(Number(clean) * 100);
  return minor > 0 ? minor : undefined;
}

function rowToVariant(r: Record<string, string>, row: number, errors: RowError[]): VariantInput | undefined {
  const before = errors.length;
  const sku = r.sku ?? '';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(sku))
    errors.push({ row, field: 'sku', message: 'letters, digits, dot, dash or underscore; up to 64' });
  const price = parseTenge(r.price ?? '');
  if (price === undefined) errors.push({ row, field: 'price', message: 'a positive amount in tenge' });
  const compareAt = r.compare_at ? parseTenge(r.compare_at) : undefined;
  if (r.compare_at && (compareAt === undefined || (price !== undefined && compareAt <= price)))
    errors.push({ row, field: 'compare_at', message: 'an amount above the price' });
  const weight = r.weight_grams ? Number(r.weight_grams) : 0;
  if (!Number.isInteger(weight) || weight < 0 || weight > 1_000_000)
    errors.push({ row, field: 'weight_grams', message: 'whole grams, 0 to 1,000,000' });
  if (errors.length > before || price === undefined) return undefined;
  const options: Record<string, string> = {};
  if (r.size) options.size = r.size.slice(0, 60);
  if (r.colour) options.colour = r.colour.slice(0, 60);
  return { sku, price, options, weightGrams: weight, ...(compareAt ? { compareAt } : {}) };
}

function rowToProduct(r: Record<string, string>, row: number, errors: RowError[]): Omit<NewProduct, 'price'> {
  const title = r.title ?? '';
  if (title.length < 2 || title.length > 200)
    errors.push({ row, field: 'title', message: '2 to 200 characters' });
  const status = r.status || 'active';
  if (status !== 'active' && status !== 'draft')
    errors.push({ row, field: 'status', message: 'active or draft' });
  const translations: NewProduct['translations'] = {};
  if (r.title_ru) translations.ru = { title: r.title_ru, description: r.description_ru ?? '' };
  if (r.title_kk) translations.kk = { title: r.title_kk, description: r.description_kk ?? '' };
  return {
    title,
    description: (r.description ?? '').slice(0, 10_000),
    status: status === 'draft' ? 'draft' : 'active',
    translations,
    ...(r.brand ? { brand: r.brand.slice(0, 100) } : {}),
    ...(r.category ? { categorySlug: r.category } : {}),
  };
}

/** Validates every row; groups whose rows all pass become products, the rest are reported. */
export function planImport(records: Record<string, string>[]): { groups: ImportGroup[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const byHandle = new Map<
    string,
    { rows: number[]; failed: boolean; base?: Omit<NewProduct, 'price'>; variants: VariantInput[] }
  >();
  records.forEach((r, index) => {
    const row = index + 1;
    const key = r.handle ? `h:${r.handle}` : `r:${row}`;
    const group = byHandle.get(key) ?? { rows: [], failed: false, variants: [] };
    byHandle.set(key, group);
    group.rows.push(row);
    const before = errors.length;
    if (!group.base) group.base = rowToProduct(r, row, errors);
    const variant = rowToVariant(r, row, errors);
    if (variant && group.variants.some((v) => v.sku === variant.sku))
      errors.push({ row, field: 'sku', message: `SKU ${variant.sku} appears twice in this product` });
    else if (variant) group.variants.push(variant);
    if (errors.length > before) group.failed = true;
  });
  const groups: ImportGroup[] = [];
  for (const group of byHandle.values()) {
    const first = group.variants[0];
    if (group.failed) {
      const reported = new Set(errors.map((e) => e.row));
      for (const row of group.rows.filter((r) => !reported.has(r)))
        errors.push({
          row,
          field: 'handle',
          message: 'not imported: another row of this product has errors',
        });
    }
    if (group.failed || !group.base || !first) continue;
    groups.push({
      rows: group.rows,
      product: { ...group.base, price: { amount: first.price, currency: 'KZT' }, variants: group.variants },
    });
  }
  return { groups, errors };
}
