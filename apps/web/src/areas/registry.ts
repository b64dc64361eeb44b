/**
 * The areas with their own routes, links and messages. A new area is one import and one entry here;
 * the storefront, auth and account pages predate this and live in app/router.tsx and i18n/en.json.
 */
import type { Area } from './area.ts';
import { assistantArea } from './assistant/area.tsx';
import { accountArea } from './account/area.tsx';
import { authArea } from './auth/area.tsx';
import { adminUsersArea } from './admin-users/area.tsx';
import { warehouseArea } from './warehouse/area.tsx';
import { adminCommerceArea } from './admin-commerce/area.tsx';
import { sellerReviewsArea } from './seller-reviews/area.tsx';
import { sellerCatalogArea } from './seller-catalog/area.tsx';
import { adminCatalogArea } from './admin-catalog/area.tsx';
import { storefrontArea } from './storefront/area.tsx';
import { paymentArea } from './payment/area.tsx';
import { dispatchArea } from './dispatch/area.tsx';
import { driverArea } from './driver/area.tsx';
import { cartArea } from './cart/area.tsx';
import { ordersArea } from './orders/area.tsx';
import { sellerOrdersArea } from './seller-orders/area.tsx';
import { adminOrdersArea } from './admin-orders/area.tsx';
import { adminOperationsArea } from './admin-operations/area.tsx';
import { trackingArea } from './tracking/area.tsx';
import { adminShipmentsArea } from './admin-shipments/area.tsx';
import { sellerDashboardArea } from './seller-dashboard/area.tsx';
import { adminDashboardArea } from './admin-dashboard/area.tsx';

export const AREAS = [
  assistantArea,
  accountArea,
  authArea,
  adminUsersArea,
  warehouseArea,
  adminCommerceArea,
  sellerReviewsArea,
  sellerCatalogArea,
  adminCatalogArea,
  storefrontArea,
  paymentArea,
  dispatchArea,
  driverArea,
  cartArea,
  ordersArea,
  sellerOrdersArea,
  adminOrdersArea,
  adminOperationsArea,
  trackingArea,
  adminShipmentsArea,
  sellerDashboardArea,
  adminDashboardArea,
] as const satisfies readonly Area[];

/** The i18n namespaces areas add, by name, with their English messages (the reference). */
export type AreaNamespaces = { [A in (typeof AREAS)[number] as A['name']]: A['messages']['en'] };

/** The same list, typed for iteration (an empty tuple would iterate as `never`). */
export const AREA_LIST: readonly Area[] = AREAS;
