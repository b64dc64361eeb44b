// The seller's order pages: one lazily loaded chunk (see area.tsx).
export { SellerOrdersPage } from './SellerOrdersPage.tsx';
export { SellerOrderPage } from './SellerOrderPage.tsx';
export { SellerReturnsPage } from './SellerReturnsPage.tsx';
