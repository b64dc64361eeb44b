// The staff shipping pages: one lazily loaded chunk (see area.tsx).
export { ShipmentsPage } from './ShipmentsPage.tsx';
export { ShipmentPage } from './ShipmentPage.tsx';
export { ScanPage } from './ScanPage.tsx';
