import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Icon } from '../components/Icon.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// A lazy chunk that no longer exists on the server (after a deploy) fails to import with a TypeError.
const isStaleChunk = (error: unknown) =>
  error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);

/** What a page shows instead of crashing the whole app when it fails to render. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <div className="container page">
      <div className="state state--error" role="alert">
        <span className="state__icon">
          <Icon name="alert" size={28} />
        </span>
        <h1 className="state__title">{t('routeError.title')}</h1>
        <p className="state__text">
          {isStaleChunk(error) ? t('routeError.newVersion') : t('routeError.text')}
        </p>
        <div className="state__action">
          <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </button>
        </div>
      </div>
    </div>
  );
}
