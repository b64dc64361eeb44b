/** The demo morning at the Almaty sorting centre: real Almaty addresses, one cash-on-delivery, one return pickup. */

interface DemoParcel {
  stopId: string;
  shipmentId: string;
  orderId: string;
  kind: 'delivery' | 'pickup';
  name: string;
  phone: string;
  address: string;
  lat: number;
  lng: number;
  grams: number;
  litres: number;
  /** Cash on delivery, tiyn. */
  cod?: number;
  /** The customer's window, local "HH:MM". */
  window?: [string, string];
  pin: string;
}

const id = (kind: string, n: number) => `01960000-0000-7000-8000-0000${kind}${String(n).padStart(6, '0')}`;

const PLACES = [
  ['Aliya Nurpeisova', 'Abay Ave 52, Almaty', 43.2389, 76.9286, 1200, 6],
  ['Timur Bekov', 'Dostyk Ave 89, Almaty', 43.2341, 76.9568, 3400, 18],
  ['Dana Omarova', 'Tole Bi St 101, Almaty', 43.2543, 76.9118, 800, 3],
  ['Yerlan Zhakupov', 'Furmanov St 240, Almaty', 43.2197, 76.9523, 5200, 40],
  ['Madina Seitkali', 'Rozybakiev St 247, Almaty', 43.2135, 76.8968, 650, 2],
  ['Arman Tulegenov', 'Raiymbek Ave 348, Almaty', 43.2721, 76.8725, 2100, 12],
  ['Saule Akhmetova', 'Al-Farabi Ave 77, Almaty', 43.2226, 76.9281, 900, 4],
  ['Bauyrzhan Ismailov', 'Zhandosov St 58, Almaty', 43.2298, 76.8877, 1500, 9],
] as const;

export const DEMO_PARCELS: DemoParcel[] = PLACES.map(([name, address, lat, lng, grams, litres], i) => ({
  stopId: id('c0', i + 1),
  shipmentId: id('c1', i + 1),
  orderId: id('c2', i + 1),
  kind: i === 7 ? 'pickup' : 'delivery',
  name,
  phone: `+7 701 555 ${String(1201 + i * 37).slice(-4)}`,
  address,
  lat,
  lng,
  grams,
  litres,
  ...(i === 1 ? { cod: 1_890_000 } : {}),
  ...(i === 2 ? { window: ['10:00', '13:00'] as [string, string] } : {}),
  ...(i === 5 ? { window: ['14:00', '18:00'] as [string, string] } : {}),
  pin: String(1000 + ((i * 7919) % 9000)),
}));
