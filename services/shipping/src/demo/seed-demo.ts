/**
 * Demo shipments (DEMO_SEED=true), told through the real use cases so every log entry, link and derived
 * status is what production would hold. Safe on every start: fixed ids and fixed external ids dedupe.
 */
import { DEMO_IDS, demoProductId, demoVariantId, type TrackingPlace } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import type { CarrierRegistry } from '../carriers/carrier.ts';
import { ingestUpdates } from '../carriers/ingest-updates.ts';
import { bookConfirmedOrder, bookPlacedOrder } from '../data/order-books-repo.ts';
import { shipmentOfParcel, type Shipment } from '../data/shipments-repo.ts';
import { findSite } from '../data/sites-repo.ts';
import { openReturnShipment } from '../returns/open-return-shipment.ts';
import { openOutboundShipment } from '../shipments/open-outbound-shipment.ts';
import { track, type TrackPolicy } from '../tracking/track.ts';
import { localDate } from '../tracking/views.ts';
import {
  demoLineId,
  demoOrderId,
  demoParcelId,
  demoReturnId,
  demoScenarios,
  RETURN_TO_SENDER_STEPS,
  type Scenario,
  type Step,
} from './scenarios.ts';

const HOUR = 3_600_000;
const ALMATY_DEPOT = '01950000-0000-7000-8000-0000000de001';

/** Seeds what is missing; answers how many shipments it opened (returns to sender included). */
export async function seedDemo(
  db: Db,
  carriers: CarrierRegistry,
  policy: TrackPolicy,
  now = new Date(),
): Promise<number> {
  const count = async () => (await db<{ n: number }[]>`select count(*)::int as n from shipments`)[0]?.n ?? 0;
  const before = await count();
  for (const scenario of demoScenarios(now)) {
    const packedAt = new Date(now.getTime() - scenario.daysAgo * 86_400_000);
    const shipment = await openScenario(db, scenario, packedAt, carriers);
    await play(db, shipment.id, scenario.steps, packedAt, `demo:${scenario.n}`, policy);
    if (scenario.customerReturn) {
      const approvedAt = new Date(packedAt.getTime() + scenario.customerReturn.h * HOUR).toISOString();
      await withTransaction(db, (tx) =>
        openReturnShipment(tx, {
          returnId: demoReturnId(scenario.n),
          orderId: shipment.orderId,
          orderNumber: shipment.orderNumber ?? '',
          customerId: DEMO_IDS.customer,
          pickupAddress: scenario.address,
          lines: shipment.lines.map((line) => ({ ...line, sellerId: DEMO_IDS.seller })),
          depotId: ALMATY_DEPOT,
          approvedAt,
        }),
      );
      const [row] = await db<
        { id: string }[]
      >`select id from shipments where return_id = ${demoReturnId(scenario.n)}`;
      if (row)
        await play(db, row.id, scenario.customerReturn.steps, packedAt, `demo:${scenario.n}:return`, policy);
    }
    const [rts] = await db<{ id: string }[]>`select id from shipments where sender_of = ${shipment.id}`;
    if (rts) {
      await play(db, rts.id, RETURN_TO_SENDER_STEPS, packedAt, `demo:${scenario.n}:rts`, policy);
    }
    const carrier = shipment.carrier ? carriers.get(shipment.carrier) : undefined;
    if (carrier && shipment.carrierRef) {
      await ingestUpdates(db, carrier, await carrier.poll(shipment.carrierRef, now), policy);
    }
  }
  return (await count()) - before;
}

async function openScenario(
  db: Db,
  scenario: Scenario,
  packedAt: Date,
  carriers: CarrierRegistry,
): Promise<Shipment> {
  const orderId = demoOrderId(scenario.n);
  const lineId = demoLineId(scenario.n);
  const opened = await withTransaction(db, async (tx) => {
    await bookPlacedOrder(tx, {
      orderId,
      orderNumber: `SD-DEMO-${String(scenario.n).padStart(4, '0')}`,
      customerId: DEMO_IDS.customer,
      lines: [
        {
          lineId,
          variantId: demoVariantId(scenario.product),
          productId: demoProductId(scenario.product),
          title: `Demo product ${scenario.product}`,
        },
      ],
    });
    const days = scenario.address.city === 'Almaty' ? 1 : 4;
    await bookConfirmedOrder(tx, {
      orderId,
      customerId: DEMO_IDS.customer,
      promisedDate: localDate(new Date(packedAt.getTime() + days * 86_400_000)),
    });
    return openOutboundShipment(
      tx,
      {
        parcelId: demoParcelId(scenario.n),
        parcelCode: `PC-DEMO${String(scenario.n).padStart(4, '0')}`,
        orderId,
        depotId: ALMATY_DEPOT,
        sellerIds: [DEMO_IDS.seller],
        lines: [{ lineId, variantId: demoVariantId(scenario.product), quantity: 1 }],
        weightGrams: 600 + scenario.product * 40,
        dimensionsCm: { l: 30, w: 22, h: 12 },
        recipient: scenario.address,
        createdAt: packedAt.toISOString(),
      },
      carriers,
    );
  });
  const shipment = opened ?? (await shipmentOfParcel(db, demoParcelId(scenario.n)));
  if (!shipment) throw new Error(`demo parcel ${scenario.n} has no shipment`);
  return shipment;
}

/** Logs each step once (its external id is its position in the story). */
async function play(
  db: Db,
  shipmentId: string,
  steps: Step[],
  packedAt: Date,
  key: string,
  policy: TrackPolicy,
): Promise<void> {
  for (const [i, { h, source, place, ...step }] of steps.entries()) {
    const named = place ? await namedPlace(db, place) : null;
    await withTransaction(db, (tx) =>
      track(
        tx,
        shipmentId,
        {
          ...step,
          occurredAt: new Date(packedAt.getTime() + h * HOUR),
          source: source ?? 'shipping',
          externalId: `${key}:${i}`,
          place: named,
          actor:
            source === 'dispatching' ? DEMO_IDS.driver : source === 'scan' ? DEMO_IDS.warehouseman : null,
        },
        policy,
      ),
    );
  }
}

async function namedPlace(db: Db, place: TrackingPlace): Promise<TrackingPlace> {
  const site = place.id ? await findSite(db, place.id) : null;
  return site ? { ...place, name: site.name, city: site.city } : place;
}
