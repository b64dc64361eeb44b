/** Public tracking, the order page's shipments, and staff scans at sorting centres and depots. */
import { ScanRequest, ScanResult, ShippingSite, TrackingView, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { listSites } from '../data/sites-repo.ts';
import { orderShipments } from '../shipments/order-shipments.ts';
import { scanParcel } from '../tracking/scan-parcel.ts';
import { trackParcel } from '../tracking/track-parcel.ts';
import type { TrackPolicy } from '../tracking/track.ts';

const scanners = {
  auth: { access: ['warehouseman', 'dispatcher', 'admin'], owns: 'any shipment passing through our sites' },
} as const;

/** Registers the tracking, order shipments and scan routes. */
export function trackingRoutes(app: App, db: Db, policy: TrackPolicy): void {
  app.get(
    '/tracking/:trackingNumber',
    {
      config: {
        auth: {
          access: 'public',
          owns: 'a shipment: city-level for anyone, in full for its recipient and staff',
        },
      },
      schema: {
        tags: ['tracking'],
        summary: 'Track a parcel by its S10 number: timeline, status, promised date, ETA, linked returns',
        params: Type.Object({ trackingNumber: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: TrackingView },
      },
    },
    async (request) => trackParcel(db, request.params.trackingNumber, request.principal),
  );
  app.get(
    '/shipping/orders/:orderId/shipments',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own orders (staff: any)" } },
      schema: {
        tags: ['tracking'],
        summary: "An order's shipments with their timelines",
        params: Type.Object({ orderId: Uuid }),
        response: { 200: Type.Object({ items: Type.Array(TrackingView) }) },
      },
    },
    async (request) => ({
      items: await orderShipments(db, request.params.orderId, principalOf(request)),
    }),
  );
  app.get(
    '/shipping/sites',
    {
      config: scanners,
      schema: {
        tags: ['scans'],
        summary: 'The sorting centres and depots a scan can happen at',
        response: { 200: Type.Object({ items: Type.Array(ShippingSite) }) },
      },
    },
    async () => ({ items: await listSites(db) }),
  );
  app.post(
    '/shipping/scans',
    {
      config: scanners,
      schema: {
        tags: ['scans'],
        summary: 'Scan a parcel at a sorting centre or depot (accepted, arrived, departed)',
        body: ScanRequest,
        response: { 200: ScanResult },
      },
    },
    async (request) => scanParcel(db, principalOf(request), request.body, policy),
  );
}
