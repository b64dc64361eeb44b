import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { GuestOnly } from '../auth/guards.tsx';
import { Layout } from '../layout/Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';
import { AREA_LIST } from '../areas/registry.ts';

// One chunk per area: every page of an area comes from the same dynamic import.
const storefront = () => import('../areas/storefront/index.ts');
const auth = () => import('../areas/auth/index.ts');

const ProductListPage = lazy(() => storefront().then((area) => ({ default: area.ProductListPage })));
const ProductDetailPage = lazy(() => storefront().then((area) => ({ default: area.ProductDetailPage })));
const LoginPage = lazy(() => auth().then((area) => ({ default: area.LoginPage })));
const RegisterPage = lazy(() => auth().then((area) => ({ default: area.RegisterPage })));

/** The app's routes: the storefront and sign-in pages, then every registered area's (account, auth, …). */
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
          ...AREA_LIST.flatMap((area) => area.routes),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
