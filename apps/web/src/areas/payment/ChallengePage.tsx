import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { useProblemText, useToasts } from '../admin-commerce/ui.tsx';
import '../admin-commerce/commerce.css';
import { paymentApi } from './api.ts';
import './payment.css';

/** The sandbox bank's 3-D Secure style page: the customer confirms or refuses the payment. */
export function ChallengePage() {
  const { t } = useTranslation('payment');
  useDocumentTitle(t('challenge.title'));
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { money } = useLocale();
  const [toasts, toast] = useToasts();
  const problem = useProblemText();
  const challenge = useQuery({
    queryKey: ['payment', 'challenge', id],
    queryFn: () => paymentApi.challenge(id),
  });
  const answer = useMutation({
    mutationFn: (outcome: 'approve' | 'decline') => paymentApi.answerChallenge(id, outcome),
    onSuccess: (result) => {
      toast(
        t('challenge.done', { status: t(`statuses.${result.intent.status}`) }),
        result.intent.status !== 'authorized',
      );
      void challenge.refetch();
      // Only a path inside this app is followed: a return URL is never an open redirect.
      if (result.returnUrl?.startsWith('/') && !result.returnUrl.startsWith('//'))
        void navigate(result.returnUrl);
    },
    onError: (error) => toast(problem(error), true),
  });
  return (
    <div className="container page cm-page pay-challenge">
      <section className="cm-card" aria-labelledby="challenge-title">
        <p className="pay-bank">{t('challenge.bank')}</p>
        <h1 id="challenge-title">{t('challenge.title')}</h1>
        {challenge.isPending ? (
          <SkeletonRows rows={2} />
        ) : challenge.isError ? (
          <ErrorState
            title={t('common.loadError')}
            error={challenge.error}
            onRetry={() => void challenge.refetch()}
          />
        ) : challenge.data.pending ? (
          <>
            <p data-testid="challenge-text">
              {t('challenge.text', {
                amount: money(challenge.data.amount),
                brand: challenge.data.card.brand,
                last4: challenge.data.card.last4,
              })}
            </p>
            <div className="pay-actions">
              <button
                type="button"
                className="btn btn--primary"
                disabled={answer.isPending}
                onClick={() => answer.mutate('approve')}
              >
                {t('challenge.approve')}
              </button>
              <button
                type="button"
                className="btn btn--secondary"
                disabled={answer.isPending}
                onClick={() => answer.mutate('decline')}
              >
                {t('challenge.decline')}
              </button>
            </div>
          </>
        ) : (
          <p role="status">
            {t('challenge.answered')} <Link to="/">{t('challenge.back')}</Link>
          </p>
        )}
      </section>
      {toasts}
    </div>
  );
}
