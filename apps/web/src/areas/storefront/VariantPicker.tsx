import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../api/products.ts';

type Variant = NonNullable<ProductDetail['variants']>[number];

/** Option names in the order they first appear ("size", "colour"). */
function optionNames(variants: Variant[]): string[] {
  return [...new Set(variants.flatMap((v) => Object.keys(v.options)))];
}

/**
 * Chooses a variant by its option values: one group of buttons per option; a value that exists with the
 * other current choices selects that variant, else the first variant having it.
 */
export function VariantPicker({
  variants,
  selected,
  onSelect,
}: {
  variants: Variant[];
  selected: Variant;
  onSelect: (variant: Variant) => void;
}) {
  const { t } = useTranslation('storefront');
  const names = optionNames(variants);
  if (variants.length < 2 || names.length === 0) return null;
  const pick = (name: string, value: string) => {
    const wanted = { ...selected.options, [name]: value };
    const exact = variants.find((v) => names.every((n) => v.options[n] === wanted[n]));
    const next = exact ?? variants.find((v) => v.options[name] === value);
    if (next) onSelect(next);
  };
  return (
    <div className="variant-picker" data-testid="variant-picker">
      {names.map((name) => {
        const values = [
          ...new Set(variants.map((v) => v.options[name]).filter((v): v is string => Boolean(v))),
        ];
        return (
          <fieldset key={name} className="variant-picker__group">
            <legend>{t(`options.${name}`, { defaultValue: name })}</legend>
            <div className="variant-picker__values">
              {values.map((value) => (
                <button
                  key={value}
                  type="button"
                  className="variant-picker__value"
                  aria-pressed={selected.options[name] === value}
                  onClick={() => pick(name, value)}
                >
                  {value}
                </button>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
