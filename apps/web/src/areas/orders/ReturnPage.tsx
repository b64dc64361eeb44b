import type { NewReturn } from '@sauda/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { QuantityStepper } from '../cart/Stepper.tsx';
import '../cart/cart.css';
import { orderCommands, orderQueries, type Order } from './api.ts';
import en from './messages/en.json';
import { DetailSkeleton } from './OrdersPage.tsx';
import { returnableQuantity } from './progress.ts';
import { ReturnPhotos, type Photo } from './ReturnPhotos.tsx';

type Reason = NewReturn['lines'][number]['reason'];
const REASONS = Object.keys(en.reasons) as Reason[];

/** Asking for a return: which lines and how many, why, photos, and where the refund goes. */
export function ReturnPage() {
  const { t } = useTranslation('orders');
  useDocumentTitle(t('returnForm.title'));
  const { id = '' } = useParams();
  const order = useQuery(orderQueries.order(id));
  if (order.isPending) return <DetailSkeleton />;
  if (order.isError)
    return (
      <ErrorState title={t('detail.loadError')} error={order.error} onRetry={() => void order.refetch()} />
    );
  return <ReturnForm order={order.data} />;
}

interface Choice {
  quantity: number;
  reason: Reason;
}

function ReturnForm({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const toast = useToast();
  const navigate = useNavigate();
  const client = useQueryClient();
  const formId = useId();
  const lines = order.lines.filter(
    (line) => order.returnableLineIds.includes(line.id) && returnableQuantity(line) > 0,
  );
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const [comment, setComment] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const cardPossible = order.payment.method === 'card' || order.payment.method === 'saved_card';
  const [refundTo, setRefundTo] = useState<'card' | 'wallet'>(cardPossible ? 'card' : 'wallet');
  const send = useMutation({
    mutationFn: () =>
      orderCommands.requestReturn(order.id, {
        lines: Object.entries(chosen).map(([lineId, choice]) => ({ lineId, ...choice })),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(photos.length > 0 ? { photoIds: photos.map((photo) => photo.photoId) } : {}),
        refundTo,
      }),
    onSuccess: async () => {
      toast.ok(t('returnForm.sent'));
      await client.invalidateQueries({ queryKey: orderQueries.order(order.id).queryKey });
      void navigate(`/orders/${order.id}`);
    },
    onError: (error) => toast.error(error),
  });
  const toggle = (lineId: string) =>
    setChosen((all) => {
      const { [lineId]: present, ...rest } = all;
      return present ? rest : { ...all, [lineId]: { quantity: 1, reason: 'damaged' } };
    });
  const update = (lineId: string, patch: Partial<Choice>) =>
    setChosen((all) => {
      const current = all[lineId];
      return current ? { ...all, [lineId]: { ...current, ...patch } } : all;
    });
  const count = Object.keys(chosen).length;
  return (
    <div className="od-page od-narrow">
      <nav className="od-crumbs">
        <Link to={`/orders/${order.id}`}>{t('detail.title', { number: order.number })}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1>{t('returnForm.title')}</h1>
          <p className="od-muted">{t('returnForm.subtitle')}</p>
        </div>
      </header>
      <form
        className="od-card od-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (count > 0) send.mutate();
        }}
        data-testid="return-form"
      >
        <fieldset className="od-fieldset">
          <legend className="od-h2">{t('returnForm.which')}</legend>
          {lines.map((line) => {
            const choice = chosen[line.id];
            return (
              <div key={line.id} className={`od-return-line${choice ? ' od-return-line--on' : ''}`}>
                <label className="od-check">
                  <input type="checkbox" checked={Boolean(choice)} onChange={() => toggle(line.id)} />
                  <span>
                    <strong>{line.title}</strong>
                    <span className="od-muted">
                      {' '}
                      · {t('returnForm.upTo', { count: returnableQuantity(line) })}
                    </span>
                  </span>
                </label>
                {choice && (
                  <div className="od-return-line__details">
                    <QuantityStepper
                      value={choice.quantity}
                      max={returnableQuantity(line)}
                      onChange={(quantity) => update(line.id, { quantity })}
                      label={t('returnForm.quantity', { title: line.title })}
                    />
                    <div className="select-wrap">
                      <select
                        className="select"
                        aria-label={t('returnForm.reason', { title: line.title })}
                        value={choice.reason}
                        onChange={(e) => update(line.id, { reason: e.target.value as Reason })}
                      >
                        {REASONS.map((reason) => (
                          <option key={reason} value={reason}>
                            {t(`reasons.${reason}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-comment`}>
            {t('returnForm.comment')}
          </label>
          <textarea
            id={`${formId}-comment`}
            className="textarea"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <ReturnPhotos photos={photos} onChange={setPhotos} />
        <fieldset className="od-fieldset">
          <legend className="field__label">{t('returnForm.refundTo')}</legend>
          {cardPossible && (
            <label className="od-check">
              <input
                type="radio"
                name="refundTo"
                checked={refundTo === 'card'}
                onChange={() => setRefundTo('card')}
              />
              {t('returns.to.card')}
            </label>
          )}
          <label className="od-check">
            <input
              type="radio"
              name="refundTo"
              checked={refundTo === 'wallet'}
              onChange={() => setRefundTo('wallet')}
            />
            {t('returns.to.wallet')}
          </label>
        </fieldset>
        <div className="od-dialog__actions">
          <Link to={`/orders/${order.id}`} className="btn btn--ghost">
            {t('returnForm.back')}
          </Link>
          <button
            type="submit"
            className="btn btn--primary"
            disabled={count === 0 || send.isPending}
            data-testid="send-return"
          >
            {send.isPending ? t('returnForm.sending') : t('returnForm.send', { count })}
          </button>
        </div>
      </form>
    </div>
  );
}
