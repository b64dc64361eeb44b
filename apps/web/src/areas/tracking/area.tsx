import { lazy, Suspense } from 'react';
import { PageLoader } from '../../components/states.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const pages = () => import('./pages.ts');
const TrackSearchPage = lazy(() => pages().then((m) => ({ default: m.TrackSearchPage })));
const TrackingPage = lazy(() => pages().then((m) => ({ default: m.TrackingPage })));
const ReturnLabelPage = lazy(() => pages().then((m) => ({ default: m.ReturnLabelPage })));

const page = (element: React.ReactNode) => <Suspense fallback={<PageLoader />}>{element}</Suspense>;

/** Public tracking: the search box, a parcel's page, and a return's printable label. */
export const trackingArea = defineArea({
  name: 'tracking',
  routes: [
    { path: 'track', element: page(<TrackSearchPage />) },
    { path: 'track/:trackingNumber', element: page(<TrackingPage />) },
    { path: 'track/:trackingNumber/label', element: page(<ReturnLabelPage />) },
  ],
  messages: { en, ru, kk },
});
