/**
 * Ninety days of past orders from other (fictional) customers for the demo seller (embedded demo mode
 * only), so the sales dashboards have a history to draw: a few orders a day, busier at weekends and
 * growing over the quarter, most delivered, some cancelled, the last few days still on their way.
 * Deterministic (a seeded generator, fixed ids) and seeded once: a second run changes nothing.
 */
import { DEMO_IDS, demoVariantId, type OrderStatus, type QuoteLine } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { seededRandom } from '@sauda/kit/random';
import type { OrdersContext } from '../context.ts';
import { soldProduct } from '../data/orders-repo.ts';

export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;
const DEPOT = '01950000-0000-7000-8000-0000000de001';
const FEE = 990_00;
const id = (kind: number, n: number) =>
  `01970000-0000-7000-8000-0000${kind.toString(16).padStart(4, '0')}${n.toString(16).padStart(4, '0')}`;

const CUSTOMERS = [
  ['Aigerim Nurlanova', 'Almaty', 'Dostyk Ave 52'],
  ['Daulet Serikbayev', 'Astana', 'Kabanbay Batyr Ave 11'],
  ['Madina Akhmetova', 'Almaty', 'Satpayev St 30'],
  ['Yerlan Zhakupov', 'Shymkent', 'Tauke Khan Ave 7'],
  ['Anna Kim', 'Almaty', 'Tole Bi St 101'],
  ['Nurlan Abenov', 'Karaganda', 'Bukhar Zhyrau Ave 45'],
  ['Saule Omarova', 'Astana', 'Mangilik El Ave 20'],
  ['Timur Ismailov', 'Almaty', 'Furmanov St 65'],
] as const;

/** Where an order placed `daysAgo` days ago stands today, and the statuses it went through. */
function outcome(daysAgo: number, roll: number): { status: OrderStatus; history: OrderStatus[] } {
  const way: OrderStatus[] = ['pending', 'confirmed', 'packed', 'shipped', 'out_for_delivery', 'delivered'];
  if (roll < 0.08) return { status: 'cancelled', history: ['pending', 'confirmed', 'cancelled'] };
  const reached = daysAgo >= 4 ? 5 : Math.min(5, 1 + daysAgo + Math.floor(roll * 2));
  return { status: way[reached] ?? 'delivered', history: way.slice(0, reached + 1) };
}

/** Seeds the history once; answers how many orders it created (0 when seeded before or shop cannot quote). */
export async function seedDemoHistory(ctx: OrdersContext): Promise<number> {
  const first = id(7, 1);
  const [exists] = await ctx.db`select 1 from orders where id = ${first}`;
  if (exists) return 0;
  const quote = await ctx.shop.quote({
    lines: Array.from({ length: 30 }, (_, i) => ({ variantId: demoVariantId(i + 1), quantity: 1 })),
    customerId: DEMO_IDS.customer,
  });
  const catalog = quote.lines.filter((l) => l.available && l.unitPrice.amount > 0);
  if (catalog.length === 0) return 0;
  const rand = seededRandom(20_261_121);
  const now = ctx.now().getTime();
  const orders: Record<string, unknown>[] = [];
  const parts: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  let n = 0;
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo -= 1) {
    const day = new Date(now - daysAgo * DAY_MS);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const growth = 1 + (HISTORY_DAYS - daysAgo) / HISTORY_DAYS;
    const count = Math.floor((weekend ? 3 : 1.5) * growth + rand() * 3);
    for (let k = 0; k < count; k += 1) {
      n += 1;
      const [name, city, street] = CUSTOMERS[Math.floor(rand() * CUSTOMERS.length)] ?? CUSTOMERS[0];
      const at = new Date(day.getTime() - Math.floor(rand() * 10 * 3_600_000));
      const picked: QuoteLine[] = [];
      for (let i = 1 + Math.floor(rand() * 3); i > 0; i -= 1) {
        const line = catalog[Math.floor(rand() * catalog.length)];
        if (line && !picked.includes(line)) picked.push(line);
      }
      const total = picked.reduce((sum, l) => sum + l.unitPrice.amount, 0);
      const vat = Math.round((total * quote.vatRatePercent) / (100 + quote.vatRatePercent));
      const { status, history: steps } = outcome(daysAgo, rand());
      const orderId = id(7, n);
      const partId = id(8, n);
      const delivered = status === 'delivered' || status === 'out_for_delivery';
      orders.push({
        id: orderId,
        number: `SD-HIST-${String(n).padStart(4, '0')}`,
        customer_id: id(6, 1 + CUSTOMERS.findIndex((c) => c[0] === name)),
        customer_email: `${name.split(' ')[0]?.toLowerCase() ?? 'customer'}@example.kz`,
        customer_name: name,
        locale: 'ru',
        status,
        currency: quote.currency,
        shipping_address: ctx.db.json({
          countryCode: 'KZ',
          city,
          line1: street,
          recipientName: name,
          phone: '+77010000000',
        }),
        delivery: ctx.db.json({
          optionId: 'standard',
          kind: 'standard',
          label: 'Courier',
          fee: FEE,
          promisedDate: new Date(at.getTime() + 2 * DAY_MS).toISOString().slice(0, 10),
          depotId: null,
        }),
        payment_method: 'card',
        payment_status: status === 'cancelled' ? 'voided' : delivered ? 'captured' : 'authorized',
        captured_amount: delivered ? total + FEE : 0,
        subtotal: total,
        discount: 0,
        gift_card_amount: 0,
        delivery_fee: FEE,
        vat,
        total,
        payable: total + FEE,
        sellers: ctx.db.json([
          { sellerId: DEMO_IDS.seller, sellerName: 'Altyn Bazaar', subtotal: total, discount: 0, total, vat },
        ]),
        failure_reason: status === 'cancelled' ? 'changed my mind' : null,
        saga_state: 'done',
        placed_at: at,
        updated_at: at,
      });
      parts.push({
        id: partId,
        order_id: orderId,
        seller_id: DEMO_IDS.seller,
        seller_name: 'Altyn Bazaar',
        depot_id: DEPOT,
        status,
        total,
        created_at: at,
        updated_at: at,
      });
      for (const [position, l] of picked.entries())
        lines.push({
          id: id(9, n * 4 + position),
          order_id: orderId,
          seller_order_id: partId,
          position,
          ...soldProduct(l),
          quantity: 1,
          cancelled_quantity: status === 'cancelled' ? 1 : 0,
          unit_price: l.unitPrice.amount,
          total: l.unitPrice.amount,
          depot_id: DEPOT,
        });
      for (const [i, step] of steps.entries())
        history.push({ order_id: orderId, status: step, at: new Date(at.getTime() + i * 9 * 3_600_000) });
    }
  }
  await withTransaction(ctx.db, async (tx) => {
    for (let i = 0; i < orders.length; i += 200) await tx`insert into orders ${tx(orders.slice(i, i + 200))}`;
    for (let i = 0; i < parts.length; i += 500)
      await tx`insert into seller_orders ${tx(parts.slice(i, i + 500))}`;
    for (let i = 0; i < lines.length; i += 500)
      await tx`insert into order_lines ${tx(lines.slice(i, i + 500))}`;
    for (let i = 0; i < history.length; i += 1000)
      await tx`insert into order_history ${tx(history.slice(i, i + 1000))}`;
  });
  return orders.length;
}
