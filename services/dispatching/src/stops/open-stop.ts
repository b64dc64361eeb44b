/** A shipment our fleet carries becomes a stop at its sorting centre (a pickup for a customer's return). */
import type { EventData, ShipmentCreated } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { lockShipment } from '../data/stops-repo.ts';
import { stopStatusFor } from './stop-status.ts';

const SERVICE_SECONDS = { delivery: 300, pickup: 420 } as const;
const CASH_SECONDS = 120;

/** Inserts the stop once per shipment (the unique shipment id decides); skips shipments of no centre of ours. */
export async function openStop(tx: Tx, shipment: EventData<typeof ShipmentCreated>): Promise<boolean> {
  if (!shipment.sortingCentreId || shipment.kind === 'return_to_sender') return false;
  const [centre] = await tx`select 1 from sorting_centres where id = ${shipment.sortingCentreId}`;
  if (!centre) return false;
  const kind = shipment.kind === 'return' ? 'pickup' : 'delivery';
  await lockShipment(tx, shipment.shipmentId);
  const [signal] = await tx<{ status: string }[]>`
    select status from shipment_signals where shipment_id = ${shipment.shipmentId}`;
  const status = stopStatusFor(kind, signal?.status ?? null) ?? (kind === 'pickup' ? 'waiting' : 'expected');
  const { l, w, h } = shipment.dimensionsCm;
  const r = shipment.recipient;
  const cod = shipment.cashOnDelivery;
  const rows = await tx`
    insert into stops (id, shipment_id, tracking_number, kind, order_id, status, centre_id, recipient_name, phone,
                       address, lat, lng, weight_grams, volume_litres, service_seconds, window_from, window_to,
                       promised_date, cod_amount, cod_currency, pin)
    values (${uuidv7()}, ${shipment.shipmentId}, ${shipment.trackingNumber}, ${kind}, ${shipment.orderId},
            ${status}, ${shipment.sortingCentreId}, ${r.recipientName ?? ''}, ${r.phone ?? ''},
            ${[r.line1, r.city].join(', ')}, ${r.lat}, ${r.lng}, ${shipment.weightGrams},
            ${Math.max(0.1, (l * w * h) / 1000)}, ${SERVICE_SECONDS[kind] + (cod ? CASH_SECONDS : 0)},
            ${shipment.deliveryWindow?.from ?? null}, ${shipment.deliveryWindow?.to ?? null},
            ${shipment.promisedDate}, ${cod?.amount ?? null}, ${cod?.currency ?? null},
            ${String(randomInt(0, 10_000)).padStart(4, '0')})
    on conflict (shipment_id) do nothing returning id`;
  return rows.length > 0;
}
