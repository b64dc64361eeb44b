// The customer's order pages: one lazily loaded chunk (see area.tsx).
export { OrdersPage } from './OrdersPage.tsx';
export { OrderPage } from './OrderPage.tsx';
export { ReturnPage } from './ReturnPage.tsx';
