import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { Shell } from './Shell.tsx';

const pages = () => import('./pages.ts');
const RoundPage = lazy(() => pages().then((m) => ({ default: m.RoundPage })));
const StopPage = lazy(() => pages().then((m) => ({ default: m.StopPage })));

/** The driver app: today's round and each stop, phone first, working through network drops. */
export const driverArea = defineArea({
  name: 'driver',
  routes: [
    {
      path: 'driver',
      element: <Shell />,
      children: [
        { index: true, element: <RoundPage /> },
        { path: 'stops/:id', element: <StopPage /> },
      ],
    },
  ],
  nav: [{ to: '/driver', label: 'nav.areas.driver', roles: ['driver'] }],
  messages: { en, ru, kk },
});
