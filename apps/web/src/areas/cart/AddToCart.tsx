import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cartCommands, useCartCommand } from './api.ts';
import { QuantityStepper } from './Stepper.tsx';
import { useProblem } from './useProblem.ts';
import './cart.css';

/** The product page's buy box: quantity and "Add to cart", then a link to the cart. */
export function AddToCart({ variantId, title }: { variantId: string; title: string }) {
  const { t } = useTranslation('cart');
  const problem = useProblem();
  const [quantity, setQuantity] = useState(1);
  const add = useCartCommand(() => cartCommands.add(variantId, quantity));
  return (
    <div className="ct-buy" data-testid="add-to-cart">
      <div className="ct-buy__row">
        <QuantityStepper value={quantity} onChange={setQuantity} label={t('line.quantityOf', { title })} />
        <button
          type="button"
          className="btn btn--primary btn--large ct-buy__button"
          disabled={add.isPending}
          onClick={() => add.mutate(undefined)}
        >
          {add.isPending ? t('buy.adding') : t('buy.add')}
        </button>
      </div>
      {add.isSuccess && (
        <p className="ct-buy__done" role="status">
          {t('buy.added', { count: quantity })} <Link to="/cart">{t('mini.viewCart')}</Link>
        </p>
      )}
      {add.isError && (
        <p className="field__error" role="alert">
          {problem(add.error)}
        </p>
      )}
    </div>
  );
}
