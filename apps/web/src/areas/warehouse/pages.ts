// The warehouse area's pages: one lazily loaded chunk (see area.tsx).
export { PickQueuePage } from './PickQueuePage.tsx';
export { PickTaskPage } from './PickTaskPage.tsx';
export { PackPage } from './PackPage.tsx';
export { PackingSlipPage } from './PackingSlipPage.tsx';
export { ReceivingPage } from './ReceivingPage.tsx';
export { ReturnsPage } from './ReturnsPage.tsx';
export { SellerStockPage } from './SellerStockPage.tsx';
export { DepotsPage } from './DepotsPage.tsx';
