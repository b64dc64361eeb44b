/**
 * Demo sorting centres, fleet and a morning's parcels waiting at the Almaty centre; safe on every start
 * (fixed ids, ON CONFLICT DO NOTHING). Parcels from shipping's own demo arrive through its events as well.
 */
import { DEMO_IDS, DEMO_SITES } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { localDay } from '../planning/day-clock.ts';
import { DEMO_PARCELS } from './parcels.ts';
import { s10 } from './s10.ts';

const CENTRES = [
  {
    id: DEMO_SITES.sortingCentres.almaty,
    code: 'ALA-SC',
    name: 'Almaty sorting centre',
    city: 'Almaty',
    address: 'Ryskulov Ave 140, Almaty 050050',
    lat: 43.2905,
    lng: 76.8852,
  },
  {
    id: DEMO_SITES.sortingCentres.astana,
    code: 'NQZ-SC',
    name: 'Astana sorting centre',
    city: 'Astana',
    address: 'Zheltoksan St 2, Astana 010000',
    lat: 51.1556,
    lng: 71.4178,
  },
  {
    id: DEMO_SITES.sortingCentres.shymkent,
    code: 'CIT-SC',
    name: 'Shymkent sorting centre',
    city: 'Shymkent',
    address: 'Tauke Khan Ave 31, Shymkent 160000',
    lat: 42.3417,
    lng: 69.5901,
  },
] as const;

/** A second Almaty driver, off duty in the demo (turn them on duty to re-plan with two vans). */
export const DEMO_SECOND_DRIVER = '01940000-0000-7000-8000-0000000000d2';

const VEHICLES = [
  {
    id: '01950000-0000-7000-8000-0000000de101',
    plate: '777ALA02',
    type: 'van',
    kg: 800,
    l: 6000,
    centre: 'almaty',
  },
  {
    id: '01950000-0000-7000-8000-0000000de102',
    plate: '512ALA02',
    type: 'car',
    kg: 300,
    l: 1200,
    centre: 'almaty',
  },
  {
    id: '01950000-0000-7000-8000-0000000de103',
    plate: 'BIKE-ALA-1',
    type: 'bike',
    kg: 25,
    l: 90,
    centre: 'almaty',
  },
  {
    id: '01950000-0000-7000-8000-0000000de104',
    plate: '101AST01',
    type: 'van',
    kg: 800,
    l: 6000,
    centre: 'astana',
  },
  {
    id: '01950000-0000-7000-8000-0000000de105',
    plate: '303SHM13',
    type: 'car',
    kg: 300,
    l: 1200,
    centre: 'shymkent',
  },
] as const;

/** Seeds what is missing; returns how many demo parcels were new. */
export async function seedDemo(db: Db, now = new Date()): Promise<number> {
  return withTransaction(db, async (tx) => {
    for (const c of CENTRES)
      await tx`
        insert into sorting_centres (id, code, name, city, address, lat, lng, opening_hours, utc_offset_minutes)
        values (${c.id}, ${c.code}, ${c.name}, ${c.city}, ${c.address}, ${c.lat}, ${c.lng}, 'Mon–Sat 07:00–21:00', 300)
        on conflict do nothing`;
    for (const v of VEHICLES)
      await tx`
        insert into vehicles (id, plate, type, capacity_kg, capacity_litres, home_centre_id)
        values (${v.id}, ${v.plate}, ${v.type}, ${v.kg}, ${v.l}, ${DEMO_SITES.sortingCentres[v.centre]})
        on conflict do nothing`;
    await tx`
      insert into drivers (user_id, name, is_driver, sorting_centre_id, licence_class, shift_start, shift_end, vehicle_id)
      values (${DEMO_IDS.driver}, 'Nurlan Driver', true, ${DEMO_SITES.sortingCentres.almaty}, 'C1', '08:00', '20:00',
              ${VEHICLES[0].id})
      on conflict (user_id) do update set is_driver = true,
        sorting_centre_id = coalesce(drivers.sorting_centre_id, excluded.sorting_centre_id),
        vehicle_id = coalesce(drivers.vehicle_id, excluded.vehicle_id)`;
    await tx`
      insert into drivers (user_id, name, is_driver, sorting_centre_id, licence_class, shift_start, shift_end,
                           duty_status, vehicle_id)
      values (${DEMO_SECOND_DRIVER}, 'Aigerim Sadykova', true, ${DEMO_SITES.sortingCentres.almaty}, 'B', '09:00',
              '18:00', 'off_duty', ${VEHICLES[1].id})
      on conflict do nothing`;
    const today = localDay(now, 300);
    let created = 0;
    for (const [i, p] of DEMO_PARCELS.entries()) {
      const rows = await tx`
        insert into stops (id, shipment_id, tracking_number, kind, order_id, status, centre_id, recipient_name, phone,
                           address, lat, lng, weight_grams, volume_litres, service_seconds, promised_date, cod_amount,
                           cod_currency, pin, window_from, window_to)
        values (${p.stopId}, ${p.shipmentId}, ${s10(90_000_001 + i)}, ${p.kind}, ${p.orderId}, 'waiting',
                ${DEMO_SITES.sortingCentres.almaty}, ${p.name}, ${p.phone}, ${p.address}, ${p.lat}, ${p.lng},
                ${p.grams}, ${p.litres}, ${p.cod ? 420 : 300}, ${today}, ${p.cod ?? null}, ${p.cod ? 'KZT' : null},
                ${p.pin}, ${p.window ? new Date(`${today}T${p.window[0]}:00+05:00`) : null},
                ${p.window ? new Date(`${today}T${p.window[1]}:00+05:00`) : null})
        on conflict do nothing returning id`;
      created += rows.length;
    }
    return created;
  });
}
