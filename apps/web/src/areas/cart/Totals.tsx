import type { Money } from '@sauda/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';

/** The money a cart or an order adds up to: what the customer sees before paying. */
export interface TotalsInput {
  subtotal: Money;
  discount: Money;
  giftCardAmount: Money;
  vat: Money;
  vatRatePercent?: number;
  deliveryFee?: Money | null;
  total: Money;
  payable: Money;
  freeShipping?: boolean;
}

/** Subtotal, discount, the goods' total, delivery, gift card, VAT (included) and what is left to pay. */
export function Totals({ totals, itemCount }: { totals: TotalsInput; itemCount?: number }) {
  const { t } = useTranslation('cart');
  const { money } = useLocale();
  const minus = (value: Money) => money({ ...value, amount: -value.amount });
  const fee = totals.deliveryFee;
  return (
    <dl className="ct-totals" data-testid="totals">
      <div>
        <dt>{itemCount === undefined ? t('totals.subtotal') : t('totals.items', { count: itemCount })}</dt>
        <dd>{money(totals.subtotal)}</dd>
      </div>
      {totals.discount.amount > 0 && (
        <div className="ct-totals__good">
          <dt>{t('totals.discount')}</dt>
          <dd>{minus(totals.discount)}</dd>
        </div>
      )}
      {totals.discount.amount > 0 && (
        <div className="ct-totals__sum">
          <dt>{t('totals.afterDiscount')}</dt>
          <dd>{money(totals.total)}</dd>
        </div>
      )}
      {fee !== undefined && (
        <div>
          <dt>{t('totals.delivery')}</dt>
          <dd>
            {fee === null ? t('totals.deliveryLater') : fee.amount === 0 ? t('totals.free') : money(fee)}
          </dd>
        </div>
      )}
      {fee === undefined && totals.freeShipping && (
        <div className="ct-totals__good">
          <dt>{t('totals.delivery')}</dt>
          <dd>{t('totals.free')}</dd>
        </div>
      )}
      {totals.giftCardAmount.amount > 0 && (
        <div className="ct-totals__good">
          <dt>{t('totals.giftCard')}</dt>
          <dd>{minus(totals.giftCardAmount)}</dd>
        </div>
      )}
      <div className="ct-totals__vat">
        <dt>
          {totals.vatRatePercent === undefined
            ? t('totals.vatIncluded')
            : t('totals.vatRate', { rate: totals.vatRatePercent })}
        </dt>
        <dd>{money(totals.vat)}</dd>
      </div>
      <div className="ct-totals__pay">
        <dt>{t('totals.payable')}</dt>
        <dd data-testid="payable">{money(totals.payable)}</dd>
      </div>
    </dl>
  );
}
