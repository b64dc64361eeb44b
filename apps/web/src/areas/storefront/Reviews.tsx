import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/useSession.ts';
import { useConfirm } from '../../components/Confirm.tsx';
import { TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { reviewsApi, type Review } from '../admin-commerce/api.ts';
import { ReviewHeader, TextAreaField, useProblemText, useToasts } from '../admin-commerce/ui.tsx';
import '../admin-commerce/commerce.css';

/** A product's reviews: the rating summary, the list with sellers' answers, and the form for eligible buyers. */
export function Reviews({ productId }: { productId: string }) {
  const { t } = useTranslation('admin-commerce');
  const { user } = useSession();
  const [limitPages, setLimitPages] = useState(1);
  const [toasts, toast] = useToasts();
  const result = useQuery({
    queryKey: ['reviews', productId, limitPages, user?.id ?? null],
    queryFn: async () => {
      const pages = await Promise.all(
        Array.from({ length: limitPages }, (_, i) => reviewsApi.ofProduct(productId, i + 1)),
      );
      const first = pages[0];
      if (!first) throw new Error('no page');
      return { ...first, items: pages.flatMap((p) => p.items) };
    },
  });
  const data = result.data;
  const isAdmin = user?.roles.includes('admin') ?? false;

  return (
    <section className="rv" aria-labelledby="reviews-title" data-testid="reviews">
      <h2 id="reviews-title" className="product__section-title">
        {t('reviews.title')}
      </h2>
      {result.isPending ? (
        <div aria-hidden="true" className="cm-skeleton">
          <span className="skeleton skeleton--title" />
          <span className="skeleton skeleton--text" />
          <span className="skeleton skeleton--text" />
        </div>
      ) : result.isError || !data ? (
        <ErrorState
          title={t('reviews.loadError')}
          error={result.error}
          onRetry={() => void result.refetch()}
        />
      ) : (
        <>
          {data.reviewCount > 0 && (
            <Summary rating={data.rating} count={data.reviewCount} distribution={data.distribution} />
          )}
          {data.canReview ? (
            <WriteReview productId={productId} onDone={(text) => toast(text)} />
          ) : (
            !user && (
              <p className="cm-muted">
                <SignInLink />
              </p>
            )
          )}
          {data.items.length === 0 ? (
            <EmptyState icon="box" title={t('reviews.empty')}>
              {t('reviews.emptyText')}
            </EmptyState>
          ) : (
            <ul className="rv__list">
              {data.items.map((review) => (
                <ReviewItem key={review.id} review={review} moderate={isAdmin} onToast={toast} />
              ))}
            </ul>
          )}
          {data.items.length < data.total && (
            <button type="button" className="btn btn--secondary" onClick={() => setLimitPages((n) => n + 1)}>
              {t('reviews.more')}
            </button>
          )}
        </>
      )}
      {toasts}
    </section>
  );
}

function SignInLink() {
  const { t } = useTranslation('admin-commerce');
  const location = useLocation();
  return (
    <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('reviews.signInToReview')}</Link>
  );
}

function Summary({
  rating,
  count,
  distribution,
}: {
  rating: number | null;
  count: number;
  distribution: number[];
}) {
  const { t } = useTranslation('admin-commerce');
  const { numbers } = useLocale();
  const max = Math.max(1, ...distribution);
  return (
    <div className="rv__summary">
      <div>
        <div className="rv__score">
          {rating === null
            ? '—'
            : new Intl.NumberFormat(numbers, { minimumFractionDigits: 1 }).format(rating)}
        </div>
        <div className="cm-muted">{t('reviews.count', { count })}</div>
      </div>
      <dl className="rv__bars" aria-label={t('reviews.distribution')}>
        {[5, 4, 3, 2, 1].map((s) => (
          <div key={s} className="rv__bar">
            <dt>{t('reviews.starsShort', { stars: s })}</dt>
            <dd className="rv__track" aria-hidden="true">
              <span className="rv__fill" style={{ width: `${((distribution[s - 1] ?? 0) / max) * 100}%` }} />
            </dd>
            <dd>{distribution[s - 1] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ReviewItem({
  review,
  moderate,
  onToast,
}: {
  review: Review;
  moderate: boolean;
  onToast: (text: string, error?: boolean) => void;
}) {
  const { t } = useTranslation('admin-commerce');
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const [dialog, confirm] = useConfirm({ className: 'cm-dialog' });
  const hide = useMutation({
    mutationFn: (hidden: boolean) => reviewsApi.hide(review.id, hidden, hidden ? 'Moderation' : undefined),
    onSuccess: async (updated) => {
      onToast(updated.hidden ? t('reviews.hiddenToast') : t('reviews.shownToast'));
      await queryClient.invalidateQueries({ queryKey: ['reviews', review.productId] });
    },
    onError: (error) => onToast(problem(error), true),
  });
  return (
    <li className="rv__item" data-testid="review">
      <ReviewHeader
        rating={review.rating}
        starsLabel={t('reviews.stars', { stars: review.rating })}
        author={review.authorName}
        createdAt={review.createdAt}
        extra={
          review.hidden && (
            <span className="cm-badge cm-badge--off">
              {t('reviews.hidden', { reason: review.hiddenReason ?? '' })}
            </span>
          )
        }
      />
      {review.title && <h3>{review.title}</h3>}
      {review.body && <p>{review.body}</p>}
      {review.answer && (
        <div className="rv__answer">
          <strong>{t('reviews.sellerAnswer')}</strong>
          <p>{review.answer.body}</p>
        </div>
      )}
      {moderate && (
        <div className="cm-row-actions">
          <button
            type="button"
            className="btn btn--secondary"
            disabled={hide.isPending}
            onClick={() =>
              review.hidden ? hide.mutate(false) : confirm(t('reviews.hideReason'), () => hide.mutate(true))
            }
          >
            {review.hidden ? t('reviews.show') : t('reviews.hide')}
          </button>
        </div>
      )}
      {dialog}
    </li>
  );
}

function WriteReview({ productId, onDone }: { productId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation('admin-commerce');
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => reviewsApi.write(productId, { rating, title, body }),
    onSuccess: async () => {
      onDone(t('reviews.thanks'));
      await queryClient.invalidateQueries({ queryKey: ['reviews', productId] });
    },
    onError: (e) => setError(problem(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === 0) return setError(t('reviews.yourRating'));
    setError(null);
    save.mutate();
  };
  return (
    <form
      className="rv__form cm-card"
      onSubmit={submit}
      aria-labelledby="write-review-title"
      data-testid="write-review"
    >
      <h3 id="write-review-title">{t('reviews.write')}</h3>
      <fieldset className="rv__stars-input">
        <legend>{t('reviews.yourRating')}</legend>
        {[1, 2, 3, 4, 5].map((s) => (
          <label key={s} className={`rv__star ${s <= rating ? 'rv__star--on' : ''}`}>
            <input
              type="radio"
              name="rating"
              value={s}
              checked={rating === s}
              onChange={() => setRating(s)}
              aria-label={t('reviews.ratingOption', { stars: s })}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('reviews.titleLabel')}
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
        optional
      />
      <TextAreaField label={t('reviews.bodyLabel')} value={body} onChange={setBody} maxLength={4000} />
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? t('reviews.submitting') : t('reviews.submit')}
        </button>
      </div>
    </form>
  );
}
