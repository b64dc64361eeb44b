import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/states.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

/** The page for addresses the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="container page">
      <EmptyState
        icon="search"
        title={t('notFound.title')}
        action={
          <Link to="/" className="btn btn--primary">
            {t('notFound.home')}
          </Link>
        }
      >
        {t('notFound.text')}
      </EmptyState>
    </div>
  );
}
