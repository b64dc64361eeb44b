// The admin's order pages: one lazily loaded chunk (see area.tsx).
export { AdminOrdersPage } from './AdminOrdersPage.tsx';
export { AdminOrderPage } from './AdminOrderPage.tsx';
export { AdminReturnsPage } from './AdminReturnsPage.tsx';
