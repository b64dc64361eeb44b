import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

// The same chunk as the storefront's other pages (app/router.tsx imports ./index.ts too).
const ProductListPage = lazy(() => import('./index.ts').then((m) => ({ default: m.ProductListPage })));

/**
 * The storefront's catalog additions: readable category pages (`/c/<slug>`) and the texts of the home
 * sections, currency, variants and suggestions. The list and product pages themselves are routed in
 * app/router.tsx and keep their texts in the app's messages.
 */
export const storefrontArea = defineArea({
  name: 'storefront',
  routes: [{ path: 'c/:slug', element: <ProductListPage /> }],
  messages: { en, ru, kk },
});
