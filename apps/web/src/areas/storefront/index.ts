// The storefront area: one lazily loaded chunk (see app/router.tsx).
export { ProductListPage } from './ProductListPage.tsx';
export { ProductDetailPage } from './ProductDetailPage.tsx';
