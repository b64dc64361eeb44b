import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/Pager.tsx';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { reviewsApi, type Review } from '../admin-commerce/api.ts';
import { ReviewHeader, TextAreaField, useProblemText, useToasts } from '../admin-commerce/ui.tsx';
import '../admin-commerce/commerce.css';

type SellerReview = Review & { productTitle: string };

/** The seller's inbox of reviews on their products, answered in place. */
export function SellerReviewsPage() {
  const { t } = useTranslation('seller-reviews');
  useDocumentTitle(t('title'));
  const [unanswered, setUnanswered] = useState(false);
  const [page, setPage] = useState(1);
  const [toasts, toast] = useToasts();
  const list = useQuery({
    queryKey: ['seller-reviews', unanswered, page],
    queryFn: () => reviewsApi.ofSeller(unanswered, page),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="container page cm-page">
      <header className="cm-head">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('subtitle')}</p>
        </div>
        <label className="cm-check">
          <input
            type="checkbox"
            checked={unanswered}
            onChange={(e) => {
              setPage(1);
              setUnanswered(e.target.checked);
            }}
          />
          {t('unansweredOnly')}
        </label>
      </header>
      {list.isPending ? (
        <SkeletonRows />
      ) : list.isError ? (
        <ErrorState title={t('loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="box" title={t('empty')}>
          {t('emptyText')}
        </EmptyState>
      ) : (
        <>
          <ul className="rv__list" data-testid="seller-reviews">
            {list.data.items.map((review) => (
              <SellerReviewItem
                key={review.id}
                review={review}
                onAnswered={() => toast(t('answered'))}
                onError={(text) => toast(text, true)}
              />
            ))}
          </ul>
          <Pager page={page} total={list.data.total} perPage={10} onPage={setPage} />
        </>
      )}
      {toasts}
    </div>
  );
}

function SellerReviewItem({
  review,
  onAnswered,
  onError,
}: {
  review: SellerReview;
  onAnswered: () => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation('seller-reviews');
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(review.answer?.body ?? '');
  const answer = useMutation({
    mutationFn: () => reviewsApi.answer(review.id, text.trim()),
    onSuccess: async () => {
      setEditing(false);
      onAnswered();
      await queryClient.invalidateQueries({ queryKey: ['seller-reviews'] });
    },
    onError: (error) => onError(problem(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) answer.mutate();
  };
  return (
    <li className="rv__item" data-testid="seller-review">
      <ReviewHeader
        rating={review.rating}
        starsLabel={t('rated', { stars: review.rating })}
        author={review.authorName}
        createdAt={review.createdAt}
      />
      <p className="cm-muted">{t('product', { title: review.productTitle })}</p>
      {review.title && <h3>{review.title}</h3>}
      {review.body && <p>{review.body}</p>}
      {review.answer && !editing && (
        <div className="rv__answer">
          <strong>{t('yourAnswer')}</strong>
          <p>{review.answer.body}</p>
        </div>
      )}
      {editing ? (
        <form className="rv__form" onSubmit={submit}>
          <TextAreaField
            label={t('answerLabel')}
            value={text}
            onChange={setText}
            maxLength={2000}
            autoFocus
          />
          <div className="cm-row-actions">
            <button type="submit" className="btn btn--primary" disabled={answer.isPending || !text.trim()}>
              {answer.isPending ? t('sending') : t('send')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="cm-row-actions">
          <button type="button" className="btn btn--secondary" onClick={() => setEditing(true)}>
            {review.answer ? t('editAnswer') : t('answer')}
          </button>
        </div>
      )}
    </li>
  );
}
