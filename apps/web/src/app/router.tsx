import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { GuestOnly, RequireAuth } from '../auth/guards.tsx';
import { Layout } from '../layout/Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';

// One chunk per area: every page of an area comes from the same dynamic import.
const storefront = () => import('../areas/storefront/index.ts');
const auth = () => import('../areas/auth/index.ts');
const account = () => import('../areas/account/index.ts');

const ProductListPage = lazy(() => storefront().then((area) => ({ default: area.ProductListPage })));
const ProductDetailPage = lazy(() => storefront().then((area) => ({ default: area.ProductDetailPage })));
const LoginPage = lazy(() => auth().then((area) => ({ default: area.LoginPage })));
const RegisterPage = lazy(() => auth().then((area) => ({ default: area.RegisterPage })));
const AccountPage = lazy(() => account().then((area) => ({ default: area.AccountPage })));

/** The app's routes. A new area adds its routes here and its link in nav.ts. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <ProductListPage /> },
          { path: 'products', element: <ProductListPage /> },
          { path: 'products/:id', element: <ProductDetailPage /> },
          {
            path: 'login',
            element: (
              <GuestOnly>
                <LoginPage />
              </GuestOnly>
            ),
          },
          {
            path: 'register',
            element: (
              <GuestOnly>
                <RegisterPage />
              </GuestOnly>
            ),
          },
          {
            path: 'account',
            element: (
              <RequireAuth>
                <AccountPage />
              </RequireAuth>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
