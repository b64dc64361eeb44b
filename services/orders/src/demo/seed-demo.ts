/**
 * The demo customer's past orders in every state (embedded demo mode only): delivered (one line returned
 * and refunded), out for delivery, confirmed, cancelled and a failed payment — priced by shop's quote, so
 * titles and prices match the catalog. Fixed ids: a second run changes nothing.
 */
import {
  DEMO_IDS,
  demoVariantId,
  type OrderStatus,
  type Quote,
  type SellerOrderStatus,
} from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { soldProduct } from '../data/orders-repo.ts';

const ALMATY = {
  countryCode: 'KZ',
  city: 'Almaty',
  line1: 'Abay Ave 10, apt 5',
  postalCode: '050000',
  lat: 43.2389,
  lng: 76.8897,
  recipientName: 'Demo Customer',
  phone: '+77011234567',
};
const DEPOT = '01950000-0000-7000-8000-0000000de001';
const id = (kind: number, n: number) =>
  `01970000-0000-7000-8000-0000${kind.toString(16).padStart(4, '0')}${n.toString(16).padStart(4, '0')}`;

interface DemoOrder {
  n: number;
  status: OrderStatus;
  part: SellerOrderStatus;
  products: number[];
  daysAgo: number;
  failure?: string;
  history: OrderStatus[];
}

const ORDERS: DemoOrder[] = [
  {
    n: 1,
    status: 'delivered',
    part: 'delivered',
    products: [2, 10],
    daysAgo: 6,
    history: ['pending', 'confirmed', 'packed', 'shipped', 'out_for_delivery', 'delivered'],
  },
  {
    n: 2,
    status: 'out_for_delivery',
    part: 'out_for_delivery',
    products: [26],
    daysAgo: 2,
    history: ['pending', 'confirmed', 'packed', 'shipped', 'out_for_delivery'],
  },
  {
    n: 3,
    status: 'confirmed',
    part: 'confirmed',
    products: [30, 4],
    daysAgo: 0,
    history: ['pending', 'confirmed'],
  },
  {
    n: 4,
    status: 'cancelled',
    part: 'cancelled',
    products: [7],
    daysAgo: 9,
    history: ['pending', 'confirmed', 'cancelled'],
  },
  {
    n: 5,
    status: 'failed',
    part: 'cancelled',
    products: [12],
    daysAgo: 12,
    failure: 'payment_declined',
    history: ['pending', 'failed'],
  },
];

/** Seeds the demo orders once; answers how many were created (0 when they exist or shop cannot quote). */
export async function seedDemo(ctx: OrdersContext): Promise<number> {
  let created = 0;
  for (const demo of ORDERS) {
    const orderId = id(1, demo.n);
    const [exists] = await ctx.db`select 1 from orders where id = ${orderId}`;
    if (exists) continue;
    const quote: Quote = await ctx.shop.quote({
      lines: demo.products.map((n) => ({ variantId: demoVariantId(n), quantity: 1 })),
      customerId: DEMO_IDS.customer,
    });
    await withTransaction(ctx.db, async (tx) => {
      const at = new Date(ctx.now().getTime() - demo.daysAgo * 86_400_000);
      const fee = 990_00;
      const sellers = quote.sellers.map((s) => ({
        sellerId: s.sellerId,
        sellerName: 'Sauda Demo Shop',
        subtotal: s.subtotal.amount,
        discount: 0,
        total: s.total.amount,
        vat: s.vat.amount,
      }));
      const payable = quote.payable.amount + fee;
      await tx`
        insert into orders ${tx({
          id: orderId,
          number: `SD-DEMO-${String(demo.n).padStart(3, '0')}${'7K3Q9'[demo.n - 1] ?? '0'}`,
          customer_id: DEMO_IDS.customer,
          customer_email: 'customer@demo.sauda.kz',
          customer_name: 'Demo Customer',
          locale: 'en',
          status: demo.status,
          currency: quote.currency,
          shipping_address: tx.json(ALMATY),
          delivery: tx.json({
            optionId: 'standard',
            kind: 'standard',
            label: 'Courier',
            fee,
            promisedDate: new Date(at.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
            depotId: null,
          }),
          payment_method: 'card',
          payment_status:
            demo.status === 'failed'
              ? 'failed'
              : demo.status === 'cancelled'
                ? 'voided'
                : demo.part === 'delivered' || demo.part === 'out_for_delivery'
                  ? 'captured'
                  : 'authorized',
          payment_failure: demo.failure === 'payment_declined' ? 'insufficient_funds' : null,
          captured_amount: demo.part === 'delivered' || demo.part === 'out_for_delivery' ? payable : 0,
          subtotal: quote.subtotal.amount,
          discount: 0,
          gift_card_amount: 0,
          delivery_fee: fee,
          vat: quote.vat.amount,
          total: quote.total.amount,
          payable,
          sellers: tx.json(sellers),
          failure_reason: demo.failure ?? (demo.status === 'cancelled' ? 'changed my mind' : null),
          saga_state: 'done',
          placed_at: at,
          updated_at: at,
        } as Record<string, unknown>)}`;
      const partId = id(2, demo.n);
      const seller = quote.lines[0]?.sellerId ?? DEMO_IDS.seller;
      if (demo.status !== 'failed')
        await tx`insert into seller_orders (id, order_id, seller_id, seller_name, depot_id, status, total, created_at)
                 values (${partId}, ${orderId}, ${seller}, 'Sauda Demo Shop', ${DEPOT}, ${demo.part}, ${quote.total.amount}, ${at})`;
      const lineIds = quote.lines.map((_, i) => id(3, demo.n * 16 + i));
      await tx`insert into order_lines ${tx(
        quote.lines.map((l, position) => ({
          id: lineIds[position],
          order_id: orderId,
          seller_order_id: demo.status === 'failed' ? null : partId,
          position,
          ...soldProduct(l),
          quantity: 1,
          cancelled_quantity: demo.status === 'cancelled' ? 1 : 0,
          returned_quantity: demo.n === 1 && position === 1 ? 1 : 0,
          unit_price: l.unitPrice.amount,
          total: l.total.amount,
          depot_id: DEPOT,
        })),
      )}`;
      for (const [i, status] of demo.history.entries())
        await tx`insert into order_history (order_id, status, at) values (${orderId}, ${status}, ${new Date(at.getTime() + i * 3_600_000)})`;
      await tx`insert into saga_steps (order_id, step, state, detail, at) values
        (${orderId}, 'quote', 'succeeded', null, ${at}),
        (${orderId}, 'reserve_stock', 'succeeded', null, ${at}),
        (${orderId}, 'authorize_payment', ${demo.failure ? 'failed' : 'succeeded'}, ${demo.failure ?? null}, ${at})`;
      if (['delivered', 'out_for_delivery'].includes(demo.part))
        await tx`insert into parcels (parcel_id, order_id, depot_id, line_ids, tracking_number, status)
                 values (${id(4, demo.n)}, ${orderId}, ${DEPOT}, ${lineIds}, ${`SD10000000${demo.n}KZ`}, ${demo.part})`;
      if (demo.n === 1 && lineIds[1]) {
        const line = quote.lines[1];
        await tx`insert into returns (id, order_id, customer_id, seller_ids, status, lines, comment, refund_amount, refund_to, created_at)
                 values (${id(5, 1)}, ${orderId}, ${DEMO_IDS.customer}, ${[seller]}, 'refunded',
                         ${JSON.stringify([{ lineId: lineIds[1], title: line?.title ?? '', quantity: 1, reason: 'size_or_fit' }])}::text::jsonb,
                         'Too small', ${line?.total.amount ?? 0}, 'card', ${at})`;
        await tx`update orders set refunded = ${line?.total.amount ?? 0} where id = ${orderId}`;
      }
    });
    created += 1;
  }
  return created;
}
