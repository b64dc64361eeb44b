import { lazy } from 'react';
import { defineArea } from '../area.ts';
import { CatalogShell } from '../seller-catalog/ui.tsx';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import './admin-catalog.css';

// Every page of the area comes from the same dynamic import: one chunk, loaded on first visit.
const pages = () => import('./pages.ts');
const CategoriesPage = lazy(() => pages().then((m) => ({ default: m.CategoriesPage })));
const ModerationPage = lazy(() => pages().then((m) => ({ default: m.ModerationPage })));
const RatesPage = lazy(() => pages().then((m) => ({ default: m.RatesPage })));

/** The admin's catalog tools: the category tree, moderation and display exchange rates. */
export const adminCatalogArea = defineArea({
  name: 'adminCatalog',
  routes: [
    {
      path: 'admin/catalog',
      element: <CatalogShell />,
      children: [
        { index: true, element: <CategoriesPage /> },
        { path: 'moderation', element: <ModerationPage /> },
        { path: 'rates', element: <RatesPage /> },
      ],
    },
  ],
  nav: [{ to: '/admin/catalog', label: 'nav.areas.adminCatalog', roles: ['admin'] }],
  messages: { en, ru, kk },
});
