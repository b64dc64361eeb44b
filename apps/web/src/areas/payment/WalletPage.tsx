import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import '../admin-commerce/commerce.css';
import { paymentApi } from './api.ts';
import './payment.css';
import { LedgerTable } from './ui.tsx';

/** The customer's wallet: the balance (the ledger's sum) and its history. */
export function WalletPage() {
  const { t } = useTranslation('payment');
  useDocumentTitle(t('wallet.title'));
  const { money } = useLocale();
  const wallet = useQuery({ queryKey: ['payment', 'wallet'], queryFn: paymentApi.wallet });
  return (
    <div className="container page cm-page">
      <header className="cm-head">
        <div>
          <h1>{t('wallet.title')}</h1>
          <p>{t('wallet.subtitle')}</p>
        </div>
      </header>
      {wallet.isPending ? (
        <SkeletonRows rows={4} />
      ) : wallet.isError ? (
        <ErrorState
          title={t('common.loadError')}
          error={wallet.error}
          onRetry={() => void wallet.refetch()}
        />
      ) : (
        <>
          <section className="pay-tiles" aria-label={t('wallet.balance')}>
            <div className="pay-tile pay-tile--main">
              <span>{t('wallet.balance')}</span>
              <strong data-testid="wallet-balance">{money(wallet.data.balance)}</strong>
            </div>
          </section>
          <h2 className="pay-h2">{t('wallet.history')}</h2>
          {wallet.data.items.length === 0 ? (
            <EmptyState icon="box" title={t('wallet.empty')}>
              {t('wallet.emptyText')}
            </EmptyState>
          ) : (
            <LedgerTable lines={wallet.data.items} testId="wallet-history" />
          )}
        </>
      )}
    </div>
  );
}
