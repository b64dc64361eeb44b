import { lazy } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const pages = () => import('./pages.ts');
const CartPage = lazy(() => pages().then((m) => ({ default: m.CartPage })));
const CheckoutPage = lazy(() => pages().then((m) => ({ default: m.CheckoutPage })));

/** The cart (guests too) and checkout (signed in; a guest signs in and comes back with the cart merged). */
export const cartArea = defineArea({
  name: 'cart',
  routes: [
    { path: 'cart', element: <CartPage /> },
    {
      path: 'checkout',
      element: (
        <RequireAuth>
          <CheckoutPage />
        </RequireAuth>
      ),
    },
  ],
  messages: { en, ru, kk },
});
