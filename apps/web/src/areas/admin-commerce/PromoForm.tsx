import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import type { NewPromo, Promo } from './api.ts';

type Kind = Promo['kind'];

const toInput = (iso: string | null): string => (iso ? iso.slice(0, 16) : '');
const fromInput = (value: string): string | null => (value ? new Date(value).toISOString() : null);
const ids = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const tenge = (minor: number | undefined): string => (minor === undefined ? '' : String(minor / 100));
const minor = (text: string): number => Math.round(Number(text.replace(',', '.')) * 100);

/** Create or edit a promo code; `initial` makes it an edit (the code itself cannot change). */
export function PromoForm({
  initial,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Promo;
  saving: boolean;
  error: string | null;
  onSubmit: (body: NewPromo) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin-commerce');
  const [code, setCode] = useState(initial?.code ?? '');
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'percentage');
  const [percent, setPercent] = useState(String(initial?.percent ?? 10));
  const [amount, setAmount] = useState(tenge(initial?.amount?.amount));
  const [minBasket, setMinBasket] = useState(tenge(initial?.minBasket?.amount));
  const [startsAt, setStartsAt] = useState(toInput(initial?.startsAt ?? null));
  const [endsAt, setEndsAt] = useState(toInput(initial?.endsAt ?? null));
  const [usageLimit, setUsageLimit] = useState(initial?.usageLimit ? String(initial.usageLimit) : '');
  const [perCustomer, setPerCustomer] = useState(
    initial?.perCustomerLimit ? String(initial.perCustomerLimit) : '',
  );
  const [stackable, setStackable] = useState(initial?.stackable ?? false);
  const [active, setActive] = useState(initial?.active ?? true);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [categories, setCategories] = useState(initial?.scope.categoryIds.join(', ') ?? '');
  const [sellers, setSellers] = useState(initial?.scope.sellerIds.join(', ') ?? '');
  const [products, setProducts] = useState(initial?.scope.productIds.join(', ') ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      code: code.trim(),
      kind,
      ...(kind === 'percentage' ? { percent: Number(percent) } : {}),
      ...(kind === 'fixed' ? { amount: { amount: minor(amount), currency: 'KZT' } } : {}),
      minBasket: minBasket ? { amount: minor(minBasket), currency: 'KZT' } : null,
      startsAt: fromInput(startsAt),
      endsAt: fromInput(endsAt),
      usageLimit: usageLimit ? Number(usageLimit) : null,
      perCustomerLimit: perCustomer ? Number(perCustomer) : null,
      stackable,
      active,
      description,
      scope: { categoryIds: ids(categories), sellerIds: ids(sellers), productIds: ids(products) },
    });
  };

  return (
    <form className="cm-form cm-card" onSubmit={submit} data-testid="promo-form">
      <h2 className="cm-form__wide">
        {initial ? t('promos.edit', { code: initial.code }) : t('promos.new')}
      </h2>
      <TextField
        label={t('promos.form.code')}
        hint={t('promos.form.codeHint')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        minLength={3}
        maxLength={40}
        pattern="[A-Za-z0-9\-]+"
        disabled={Boolean(initial)}
      />
      <div className="field">
        <label className="field__label" htmlFor="promo-kind">
          {t('promos.form.kind')}
        </label>
        <div className="select-wrap">
          <select
            id="promo-kind"
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {(['percentage', 'fixed', 'free_shipping'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`promos.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kind === 'percentage' && (
        <TextField
          label={t('promos.form.percent')}
          type="number"
          min={1}
          max={100}
          required
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
        />
      )}
      {kind === 'fixed' && (
        <TextField
          label={t('promos.form.amount')}
          type="number"
          min={1}
          step="0.01"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      )}
      <TextField
        label={t('promos.form.minBasket')}
        type="number"
        min={0}
        step="0.01"
        optional
        value={minBasket}
        onChange={(e) => setMinBasket(e.target.value)}
      />
      <TextField
        label={t('promos.form.startsAt')}
        type="datetime-local"
        optional
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <TextField
        label={t('promos.form.endsAt')}
        type="datetime-local"
        optional
        value={endsAt}
        onChange={(e) => setEndsAt(e.target.value)}
      />
      <TextField
        label={t('promos.form.usageLimit')}
        hint={t('promos.form.limitHint')}
        type="number"
        min={1}
        optional
        value={usageLimit}
        onChange={(e) => setUsageLimit(e.target.value)}
      />
      <TextField
        label={t('promos.form.perCustomerLimit')}
        hint={t('promos.form.limitHint')}
        type="number"
        min={1}
        optional
        value={perCustomer}
        onChange={(e) => setPerCustomer(e.target.value)}
      />
      <TextField
        label={t('promos.form.scopeCategories')}
        hint={t('promos.form.scopeHint')}
        optional
        value={categories}
        onChange={(e) => setCategories(e.target.value)}
      />
      <TextField
        label={t('promos.form.scopeSellers')}
        hint={t('promos.form.scopeHint')}
        optional
        value={sellers}
        onChange={(e) => setSellers(e.target.value)}
      />
      <TextField
        label={t('promos.form.scopeProducts')}
        hint={t('promos.form.scopeHint')}
        optional
        value={products}
        onChange={(e) => setProducts(e.target.value)}
      />
      <TextField
        label={t('promos.form.description')}
        optional
        maxLength={500}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <label className="cm-check">
        <input type="checkbox" checked={stackable} onChange={(e) => setStackable(e.target.checked)} />
        {t('promos.form.stackable')}
      </label>
      <label className="cm-check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('promos.form.active')}
      </label>
      {error && (
        <p className="form-alert cm-form__wide" role="alert">
          {error}
        </p>
      )}
      <div className="cm-form__actions">
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
