import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { CatalogShell } from './ui.tsx';

// Every page of the area comes from the same dynamic import: one chunk, loaded on first visit.
const pages = () => import('./pages.ts');
const ProductsPage = lazy(() => pages().then((m) => ({ default: m.ProductsPage })));
const ProductEditorPage = lazy(() => pages().then((m) => ({ default: m.ProductEditorPage })));
const ImportPage = lazy(() => pages().then((m) => ({ default: m.ImportPage })));

/** The seller's catalog: own products (every status), create and edit with images, CSV import. */
export const sellerCatalogArea = defineArea({
  name: 'sellerCatalog',
  routes: [
    {
      path: 'seller/products',
      element: <CatalogShell />,
      children: [
        { index: true, element: <ProductsPage /> },
        { path: 'new', element: <ProductEditorPage /> },
        { path: 'import', element: <ImportPage /> },
        { path: ':id', element: <ProductEditorPage /> },
      ],
    },
  ],
  nav: [{ to: '/seller/products', label: 'nav.areas.sellerCatalog', roles: ['seller'] }],
  messages: { en, ru, kk },
});
