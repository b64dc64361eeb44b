import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { Shell } from './Shell.tsx';

const pages = () => import('./pages.ts');
const BoardPage = lazy(() => pages().then((m) => ({ default: m.BoardPage })));
const FleetPage = lazy(() => pages().then((m) => ({ default: m.FleetPage })));

/** The dispatcher's rounds board and fleet pages. */
export const dispatchArea = defineArea({
  name: 'dispatch',
  routes: [
    {
      path: 'dispatch',
      element: <Shell />,
      children: [
        { index: true, element: <BoardPage /> },
        { path: 'fleet', element: <FleetPage /> },
      ],
    },
  ],
  nav: [{ to: '/dispatch', label: 'nav.areas.dispatch', roles: ['dispatcher'] }],
  messages: { en, ru, kk },
});
