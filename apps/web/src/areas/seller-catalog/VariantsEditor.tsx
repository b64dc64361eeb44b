import { useTranslation } from 'react-i18next';
import { useTengeInput } from './ui.tsx';

/** One editable variant row; prices are the seller's text, converted when saving. */
export interface VariantDraft {
  key: string;
  id?: string;
  sku: string;
  size: string;
  colour: string;
  price: string;
  compareAt: string;
  salePrice: string;
  saleStarts: string;
  saleEnds: string;
  weight: string;
}

let nextKey = 1;

/** An empty row. */
export function blankVariant(): VariantDraft {
  return {
    key: `n${nextKey++}`,
    sku: '',
    size: '',
    colour: '',
    price: '',
    compareAt: '',
    salePrice: '',
    saleStarts: '',
    saleEnds: '',
    weight: '',
  };
}

/** The variants table: SKU, options, price, compare-at, a scheduled sale and weight per row. */
export function VariantsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: VariantDraft[];
  onChange: (rows: VariantDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('sellerCatalog');
  const set = (key: string, field: keyof VariantDraft, value: string) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const cell = (row: VariantDraft, field: keyof VariantDraft, label: string, type = 'text') => (
    <label className={type === 'datetime-local' ? 'sc-cell sc-cell--wide' : 'sc-cell'}>
      <span className="sc-cell__label">{label}</span>
      <input
        className="input"
        type={type}
        value={row[field] ?? ''}
        onChange={(e) => set(row.key, field, e.target.value)}
        aria-invalid={errors[`${row.key}.${field}`] ? true : undefined}
        inputMode={
          field === 'price' || field === 'compareAt' || field === 'salePrice' || field === 'weight'
            ? 'decimal'
            : undefined
        }
        data-testid={`variant-${field}`}
      />
      {errors[`${row.key}.${field}`] && (
        <span className="sc-cell__error">{errors[`${row.key}.${field}`]}</span>
      )}
    </label>
  );
  return (
    <fieldset className="sc-fieldset">
      <legend>{t('editor.variants')}</legend>
      <p className="sc-muted">{t('editor.variantsHint')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="sc-variant" data-testid="variant-row">
          <p className="sc-variant__title">{t('editor.variantN', { n: index + 1 })}</p>
          <div className="sc-variant__grid">
            {cell(row, 'sku', t('editor.sku'))}
            {cell(row, 'size', t('editor.size'))}
            {cell(row, 'colour', t('editor.colour'))}
            {cell(row, 'price', t('editor.price'))}
            {cell(row, 'compareAt', t('editor.compareAt'))}
            {cell(row, 'weight', t('editor.weight'))}
            {cell(row, 'salePrice', t('editor.salePrice'))}
            {cell(row, 'saleStarts', t('editor.saleStarts'), 'datetime-local')}
            {cell(row, 'saleEnds', t('editor.saleEnds'), 'datetime-local')}
          </div>
          {rows.length > 1 && (
            <button
              type="button"
              className="btn btn--ghost sc-danger-text"
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              {t('editor.removeVariant')}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="btn btn--secondary"
        onClick={() => onChange([...rows, blankVariant()])}
      >
        {t('editor.addVariant')}
      </button>
    </fieldset>
  );
}

const local = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');

/** Rows from a saved product's variants. */
export function draftsFrom(
  variants: Array<{
    id: string;
    sku: string;
    options: Record<string, string>;
    regularPrice: { amount: number };
    regularCompareAt?: { amount: number } | null;
    sale: { amount: number; startsAt: string; endsAt: string | null } | null;
    weightGrams: number;
  }>,
  toText: (minor: number | null) => string,
): VariantDraft[] {
  return variants.map((v) => ({
    key: v.id,
    id: v.id,
    sku: v.sku,
    size: v.options.size ?? '',
    colour: v.options.colour ?? '',
    price: toText(v.regularPrice.amount),
    // The seller's own compare-at price, not the one shown to shoppers (the regular price during a sale).
    compareAt: toText(v.regularCompareAt?.amount ?? null),
    salePrice: toText(v.sale?.amount ?? null),
    saleStarts: local(v.sale?.startsAt),
    saleEnds: local(v.sale?.endsAt),
    weight: String(v.weightGrams),
  }));
}

/** Checks the rows; returns the API variants, or the errors keyed `rowKey.field`. */
export function useVariantParser() {
  const { t } = useTranslation('sellerCatalog');
  const { toMinor } = useTengeInput();
  return (rows: VariantDraft[]) => {
    const errors: Record<string, string> = {};
    const variants = rows.map((row) => {
      const price = toMinor(row.price);
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(row.sku)) errors[`${row.key}.sku`] = t('editor.errors.sku');
      if (price === null) errors[`${row.key}.price`] = t('editor.errors.price');
      const compareAt = row.compareAt ? toMinor(row.compareAt) : null;
      if (row.compareAt && (compareAt === null || (price !== null && compareAt <= price)))
        errors[`${row.key}.compareAt`] = t('editor.errors.compareAt');
      const sale = row.salePrice ? toMinor(row.salePrice) : null;
      if (row.salePrice && (sale === null || (price !== null && sale >= price)))
        errors[`${row.key}.salePrice`] = t('editor.errors.sale');
      if (row.salePrice && !row.saleStarts) errors[`${row.key}.saleStarts`] = t('editor.errors.saleStarts');
      const weight = row.weight ? Number(row.weight) : 0;
      if (!Number.isInteger(weight) || weight < 0) errors[`${row.key}.weight`] = t('editor.errors.weight');
      const options: Record<string, string> = {};
      if (row.size.trim()) options.size = row.size.trim();
      if (row.colour.trim()) options.colour = row.colour.trim();
      return {
        ...(row.id ? { id: row.id } : {}),
        sku: row.sku,
        options,
        price: price ?? 0,
        compareAt,
        sale:
          sale && row.saleStarts
            ? {
                amount: sale,
                startsAt: new Date(row.saleStarts).toISOString(),
                endsAt: row.saleEnds ? new Date(row.saleEnds).toISOString() : null,
              }
            : null,
        weightGrams: weight,
      };
    });
    return { variants, errors };
  };
}
