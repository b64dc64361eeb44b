/**
 * Ninety days of delivered parcels in Almaty, Astana and Shymkent (embedded demo mode only), told
 * through the real use cases (order book, outbound shipment, tracking log), so the admin dashboard's
 * on-time chart has a history: most parcels arrive by the promised next day, some a day or two late,
 * Shymkent more often than the others, fewer late ones as the quarter goes on. Deterministic; runs once.
 */
import { DEMO_IDS, demoProductId, demoVariantId, type TrackingPlace } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { seededRandom } from '@sauda/kit/random';
import type { CarrierRegistry } from '../carriers/carrier.ts';
import { bookConfirmedOrder, bookPlacedOrder } from '../data/order-books-repo.ts';
import { shipmentOfParcel } from '../data/shipments-repo.ts';
import { openOutboundShipment } from '../shipments/open-outbound-shipment.ts';
import { track, type TrackPolicy } from '../tracking/track.ts';
import { localDate } from '../tracking/views.ts';

export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;
const HOUR = 3_600_000;
const hex = (n: number) => n.toString(16).padStart(4, '0');
const orderId = (n: number) => `01970000-0000-7000-8000-000000ab${hex(n)}`;
const parcelId = (n: number) => `01970000-0000-7000-8000-000000ac${hex(n)}`;
const lineId = (n: number) => `01970000-0000-7000-8000-000000ad${hex(n)}`;
const customerId = (n: number) => `01970000-0000-7000-8000-000000ae${hex(n)}`;

const CITIES = [
  {
    city: 'Almaty',
    depot: '01950000-0000-7000-8000-0000000de001',
    lat: 43.2567,
    lng: 76.9286,
    lateRisk: 0.08,
  },
  {
    city: 'Astana',
    depot: '01950000-0000-7000-8000-0000000de002',
    lat: 51.1694,
    lng: 71.4491,
    lateRisk: 0.12,
  },
  {
    city: 'Shymkent',
    depot: '01950000-0000-7000-8000-0000000de003',
    lat: 42.3249,
    lng: 69.5965,
    lateRisk: 0.22,
  },
] as const;

/** One delivered parcel of the history. */
interface HistoryParcel {
  n: number;
  city: (typeof CITIES)[number];
  product: number;
  packedAt: Date;
  /** Hours from packing to the door (within the next day when on time). */
  deliveredAfterH: number;
}

/** The history's parcels, oldest first; the same list for the same `now`'s day. */
export function historyParcels(now: Date): HistoryParcel[] {
  const rand = seededRandom(90_112_026);
  const parcels: HistoryParcel[] = [];
  // From two days inside the range: a parcel packed up to 5 h before its day and delivered from 18 h later
  // stays within the last HISTORY_DAYS Almaty days at any hour (90 days back fell outside after Almaty's midnight).
  for (let daysAgo = HISTORY_DAYS - 2; daysAgo >= 2; daysAgo -= 1) {
    const improving = 1 - (HISTORY_DAYS - daysAgo) / (HISTORY_DAYS * 2);
    const count = rand() < 0.35 ? 2 : 1;
    for (let k = 0; k < count; k += 1) {
      const city = CITIES[Math.floor(rand() * CITIES.length)] ?? CITIES[0];
      const late = rand() < city.lateRisk * improving * 2;
      const packedAt = new Date(now.getTime() - daysAgo * DAY_MS - Math.floor(rand() * 6) * HOUR);
      parcels.push({
        n: parcels.length + 1,
        city,
        product: 1 + Math.floor(rand() * 30),
        packedAt,
        deliveredAfterH: late ? 40 + Math.floor(rand() * 24) : 18 + Math.floor(rand() * 6),
      });
    }
  }
  return parcels;
}

/** Seeds the history once; answers how many shipments it opened (0 when it is there already). */
export async function seedDemoHistory(
  db: Db,
  carriers: CarrierRegistry,
  policy: TrackPolicy,
  now = new Date(),
): Promise<number> {
  const parcels = historyParcels(now);
  const last = parcels.at(-1);
  if (!last || (await shipmentOfParcel(db, parcelId(last.n)))) return 0;
  let opened = 0;
  for (const p of parcels) {
    const depot: TrackingPlace = {
      kind: 'depot',
      id: p.city.depot,
      name: `${p.city.city} depot`,
      city: p.city.city,
    };
    const door: TrackingPlace = { kind: 'address', lat: p.city.lat, lng: p.city.lng };
    const opening = await withTransaction(db, async (tx) => {
      const line = {
        lineId: lineId(p.n),
        variantId: demoVariantId(p.product),
        productId: demoProductId(p.product),
        title: `Demo product ${p.product}`,
      };
      await bookPlacedOrder(tx, {
        orderId: orderId(p.n),
        orderNumber: `SD-HSHP-${String(p.n).padStart(4, '0')}`,
        customerId: customerId(1 + (p.n % 40)),
        lines: [line],
      });
      await bookConfirmedOrder(tx, {
        orderId: orderId(p.n),
        promisedDate: localDate(new Date(p.packedAt.getTime() + DAY_MS)),
      });
      return openOutboundShipment(
        tx,
        {
          parcelId: parcelId(p.n),
          parcelCode: `PC-HIST${String(p.n).padStart(4, '0')}`,
          orderId: orderId(p.n),
          depotId: p.city.depot,
          sellerIds: [DEMO_IDS.seller],
          lines: [{ lineId: line.lineId, variantId: line.variantId, quantity: 1 }],
          weightGrams: 500 + p.product * 35,
          dimensionsCm: { l: 30, w: 22, h: 12 },
          recipient: {
            countryCode: 'KZ',
            city: p.city.city,
            line1: `Demo street ${p.n}`,
            lat: p.city.lat,
            lng: p.city.lng,
            recipientName: 'Demo Recipient',
            phone: '+7 701 555 0199',
          },
          createdAt: p.packedAt.toISOString(),
        },
        carriers,
      );
    });
    // A start that stopped half-way resumes: the shipment is there, its log entries dedupe by external id.
    const shipment = opening ?? (await shipmentOfParcel(db, parcelId(p.n)));
    if (!shipment) continue;
    if (opening) opened += 1;
    const steps = [
      { h: 1, code: 'accepted' as const, place: depot, source: 'scan' },
      { h: p.deliveredAfterH - 3, code: 'out_for_delivery' as const, place: depot, source: 'dispatching' },
      {
        h: p.deliveredAfterH,
        code: 'delivered' as const,
        place: door,
        source: 'dispatching',
        proof: { kind: 'pin' },
      },
    ];
    for (const [i, { h, ...step }] of steps.entries())
      await withTransaction(db, (tx) =>
        track(
          tx,
          shipment.id,
          {
            ...step,
            occurredAt: new Date(p.packedAt.getTime() + h * HOUR),
            externalId: `demo-history:${p.n}:${i}`,
            actor: step.source === 'scan' ? DEMO_IDS.warehouseman : DEMO_IDS.driver,
          },
          policy,
        ),
      );
  }
  return opened;
}
