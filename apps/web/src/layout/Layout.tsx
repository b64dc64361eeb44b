import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { PageLoader } from '../components/states.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import './layout.css';

const AssistantWidget = lazy(() =>
  import('../areas/assistant/AssistantWidget.tsx').then((m) => ({ default: m.AssistantWidget })),
);

/** The frame every page renders in; areas load lazily inside it. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
      <Suspense fallback={null}>
        <AssistantWidget />
      </Suspense>
      <ScrollRestoration />
    </div>
  );
}
