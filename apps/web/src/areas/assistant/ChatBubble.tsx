import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/useLocale.ts';
import {
  addProductToCart,
  confirmAction,
  type ActionOutcome,
  type ChatAction,
  type ChatProduct,
} from './api.ts';
import type { ChatEntry } from './useChat.ts';

/** One product in an answer: picture, title, price, the one-line reason, and add to cart. */
function ProductTile({ product }: { product: ChatProduct }) {
  const { t } = useTranslation('assistant');
  const { money } = useLocale();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: () => addProductToCart(product.id, product.variantId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cart'] }),
  });
  return (
    <li className="as-card" data-testid="assistant-product">
      <Link
        to={`/products/${product.id}`}
        className="as-card__link"
        aria-label={t('card.open', { title: product.title })}
      >
        {product.imageUrl ? (
          <img className="as-card__image" src={product.imageUrl} alt="" loading="lazy" />
        ) : (
          <span className="as-card__image as-card__image--empty" aria-hidden="true">
            {product.title.slice(0, 1)}
          </span>
        )}
        <span className="as-card__body">
          <span className="as-card__title">{product.title}</span>
          <span className="as-card__price">{money(product.price)}</span>
          <span className="as-card__reason">{product.reason}</span>
        </span>
      </Link>
      <button
        type="button"
        className="btn btn--secondary as-card__add"
        disabled={add.isPending || add.isSuccess}
        onClick={() => add.mutate()}
      >
        {add.isSuccess ? t('card.added') : add.isPending ? t('card.adding') : t('card.add')}
      </button>
    </li>
  );
}

/** A confirmation button: the proposed action runs only when the customer presses it. */
function ActionButton({ action, onDone }: { action: ChatAction; onDone: (outcome: ActionOutcome) => void }) {
  const { t } = useTranslation('assistant');
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<'done' | 'failed' | 'expired' | null>(null);
  const run = useMutation({
    mutationFn: () => confirmAction(action.id),
    onSuccess: async (result) => {
      setOutcome(result.status);
      onDone(result);
      await client.invalidateQueries({ queryKey: action.kind === 'add_to_cart' ? ['cart'] : ['orders'] });
    },
    onError: () => setOutcome('expired'),
  });
  return (
    <button
      type="button"
      className={`btn ${outcome ? 'btn--ghost' : 'btn--primary'} as-action`}
      disabled={run.isPending || outcome !== null}
      onClick={() => run.mutate()}
      data-testid="assistant-action"
    >
      {run.isPending
        ? t('action.running')
        : outcome
          ? `${action.label} — ${t(`action.${outcome}`)}`
          : action.label}
    </button>
  );
}

/** One message of the conversation. */
export function ChatBubble({ entry, onNote }: { entry: ChatEntry; onNote: (text: string) => void }) {
  const { t } = useTranslation('assistant');
  const mine = entry.role === 'customer';
  return (
    <li className={`as-msg ${mine ? 'as-msg--mine' : 'as-msg--theirs'}`}>
      <span className="visually-hidden">{mine ? t('you') : t('assistant')}: </span>
      {(entry.text || entry.streaming || entry.failed) && (
        <p className={`as-bubble ${entry.failed ? 'as-bubble--failed' : ''}`} aria-busy={entry.streaming}>
          {entry.failed ? t('error') : entry.text || <span className="as-typing">{t('thinking')}</span>}
        </p>
      )}
      {entry.products.length > 0 && (
        <ul className="as-cards" aria-label={t('assistant')}>
          {entry.products.map((product) => (
            <ProductTile key={product.id} product={product} />
          ))}
        </ul>
      )}
      {entry.actions.length > 0 && (
        <div className="as-actions">
          {entry.actions.map((action) => (
            <ActionButton key={action.id} action={action} onDone={(outcome) => onNote(outcome.message)} />
          ))}
        </div>
      )}
    </li>
  );
}
