/** SQL of orders, their lines, seller orders, parcels, history and saga steps. */
import type { OrderStatus, QuoteLine, SellerOrderStatus, ShippingAddressSnapshot } from '@sauda/contracts';
import { currentTraceCarrier, type Queryable } from '@sauda/kit';
import { noteScheduledByRunner } from '../checkout/saga-frame.ts';
import type { ReturnRow } from './returns-repo.ts';

export interface DeliveryChoice {
  optionId: string;
  kind: string;
  label: string;
  fee: number;
  promisedDate: string;
  depotId: string | null;
}

export interface SellerTotalsRow {
  sellerId: string;
  sellerName: string;
  subtotal: number;
  discount: number;
  total: number;
  vat: number;
}

export interface OrderRow {
  id: string;
  number: string;
  customer_id: string;
  customer_email: string | null;
  customer_name: string | null;
  locale: 'en' | 'ru' | 'kk';
  status: OrderStatus;
  currency: 'KZT' | 'USD' | 'EUR' | 'RUB';
  shipping_address: ShippingAddressSnapshot;
  delivery: DeliveryChoice;
  payment_method: 'card' | 'saved_card' | 'wallet' | 'cod';
  payment_token: string | null;
  payment_status: string;
  payment_attempt: number;
  intent_id: string | null;
  action_url: string | null;
  payment_failure: string | null;
  captured_amount: string;
  subtotal: string;
  discount: string;
  gift_card_amount: string;
  delivery_fee: string;
  vat: string;
  total: string;
  payable: string;
  refunded: string;
  released: string;
  refund_due: string;
  /** Goods money of cancelled (after confirmation) and returned units so far, and its gift card part. */
  taken_back: string;
  gift_card_restored: string;
  sellers: SellerTotalsRow[];
  promo_codes: string[];
  gift_cards: Array<{ code: string; amount: number }>;
  failure_reason: string | null;
  saga_state: string;
  saga_next_at: Date | null;
  saga_lease_until: Date | null;
  saga_attempts: number;
  /** Trace context of the step's scheduler; the runner continues that trace. */
  saga_trace: Record<string, string> | null;
  placed_at: Date;
  updated_at: Date;
}

export interface LineRow {
  id: string;
  order_id: string;
  seller_order_id: string | null;
  position: number;
  variant_id: string;
  product_id: string;
  seller_id: string;
  title: string;
  sku: string;
  image_url: string | null;
  weight_grams: number;
  quantity: number;
  cancelled_quantity: number;
  returned_quantity: number;
  unit_price: string;
  total: string;
  depot_id: string | null;
}

/** What an order line copies from its quote line: the product as it was sold. */
export function soldProduct(
  line: QuoteLine,
): Pick<LineRow, 'variant_id' | 'product_id' | 'seller_id' | 'title' | 'sku' | 'image_url'> {
  return {
    variant_id: line.variantId,
    product_id: line.productId,
    seller_id: line.sellerId,
    title: line.title,
    sku: line.sku,
    image_url: line.imageUrl ?? null,
  };
}

export interface SellerOrderRow {
  id: string;
  order_id: string;
  seller_id: string;
  seller_name: string;
  depot_id: string | null;
  status: SellerOrderStatus;
  total: string;
  created_at: Date;
  updated_at: Date;
}

export interface ParcelRow {
  parcel_id: string;
  order_id: string;
  depot_id: string | null;
  line_ids: string[];
  shipment_id: string | null;
  tracking_number: string | null;
  status: string | null;
}

export async function findOrder(db: Queryable, id: string, lock = false): Promise<OrderRow | undefined> {
  const [row] = lock
    ? await db<OrderRow[]>`select * from orders where id = ${id} for update`
    : await db<OrderRow[]>`select * from orders where id = ${id}`;
  return row;
}

export async function orderLines(db: Queryable, orderId: string): Promise<LineRow[]> {
  return db<LineRow[]>`select * from order_lines where order_id = ${orderId} order by position`;
}

export async function sellerOrdersOf(db: Queryable, orderId: string): Promise<SellerOrderRow[]> {
  return db<
    SellerOrderRow[]
  >`select * from seller_orders where order_id = ${orderId} order by created_at, id`;
}

export async function parcelsOf(db: Queryable, orderId: string): Promise<ParcelRow[]> {
  return db<ParcelRow[]>`select * from parcels where order_id = ${orderId} order by updated_at`;
}

/** Everything the order's page shows, as stored. */
export interface OrderRows {
  order: OrderRow;
  lines: LineRow[];
  parts: SellerOrderRow[];
  parcels: ParcelRow[];
  returns: ReturnRow[];
  history: Array<{ status: string; at: Date; note: string | null }>;
}

// jsonb carries timestamps as text: these columns become Dates again, as the row queries answer them.
const revive = <T>(row: T, ...columns: Array<keyof T>): T => {
  for (const column of columns) {
    const value = row[column];
    if (typeof value === 'string') row[column] = new Date(value) as T[keyof T];
  }
  return row;
};

/**
 * The order with its lines, seller orders, parcels, returns and history in one statement (one round trip
 * instead of six: the live order stream reads it on every change, issue 13).
 */
export async function orderRows(db: Queryable, orderId: string): Promise<OrderRows | undefined> {
  const [row] = await db<Array<{ o: OrderRow } & Omit<OrderRows, 'order'>>>`
    select to_jsonb(o) as o,
      (select coalesce(jsonb_agg(to_jsonb(l) order by l.position), '[]') from order_lines l
        where l.order_id = o.id) as lines,
      (select coalesce(jsonb_agg(to_jsonb(s) order by s.created_at, s.id), '[]') from seller_orders s
        where s.order_id = o.id) as parts,
      (select coalesce(jsonb_agg(to_jsonb(p) order by p.updated_at), '[]') from parcels p
        where p.order_id = o.id) as parcels,
      (select coalesce(jsonb_agg(to_jsonb(r) order by r.created_at), '[]') from returns r
        where r.order_id = o.id) as returns,
      (select coalesce(jsonb_agg(jsonb_build_object('status', h.status, 'at', h.at, 'note', h.note)
        order by h.id), '[]') from order_history h where h.order_id = o.id) as history
    from orders o where o.id = ${orderId}`;
  if (!row) return undefined;
  return {
    order: revive(row.o, 'placed_at', 'updated_at', 'saga_next_at', 'saga_lease_until'),
    lines: row.lines,
    parts: row.parts.map((p) => revive(p, 'created_at', 'updated_at')),
    parcels: row.parcels,
    returns: row.returns.map((r) => revive(r, 'created_at', 'updated_at')),
    history: row.history.map((h) => revive(h, 'at')),
  };
}

/** Appends a line to the customer-visible history. */
export async function noteHistory(
  db: Queryable,
  orderId: string,
  status: string,
  note: string | null = null,
) {
  await db`insert into order_history (order_id, status, note) values (${orderId}, ${status}, ${note})`;
}

/** Appends a saga step record (the admin's view of what the saga did). */
export async function noteStep(
  db: Queryable,
  orderId: string,
  step: string,
  state: StepState,
  detail: string | null = null,
): Promise<void> {
  await noteSteps(db, orderId, [[step, state, detail]]);
}

type StepState = 'started' | 'succeeded' | 'failed' | 'compensated';

/** Appends several saga step records in order, in one statement. */
export async function noteSteps(
  db: Queryable,
  orderId: string,
  steps: ReadonlyArray<readonly [step: string, state: StepState, detail?: string | null]>,
): Promise<void> {
  await db`insert into saga_steps ${db(
    steps.map(([step, state, detail]) => ({ order_id: orderId, step, state, detail: detail ?? null })),
  )}`;
}

/**
 * Moves the order's status only from one of `from` (a guarded statement: two racing events cannot both
 * move it); returns the row after the move, or undefined when it was not in `from`.
 */
export async function moveOrder(
  db: Queryable,
  orderId: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  fields: Partial<
    Record<'payment_status' | 'failure_reason' | 'action_url' | 'payment_failure', string | null>
  > = {},
): Promise<OrderRow | undefined> {
  // The history line is written by the same statement, only when the order moved.
  const [row] = await db<OrderRow[]>`
    with moved as (
      update orders set status = ${to}, updated_at = now(),
        payment_status = coalesce(${fields.payment_status ?? null}, payment_status),
        failure_reason = coalesce(${fields.failure_reason ?? null}, failure_reason),
        action_url = ${fields.action_url === undefined ? null : fields.action_url},
        payment_failure = coalesce(${fields.payment_failure ?? null}, payment_failure)
      where id = ${orderId} and status in ${db(from as OrderStatus[])}
      returning *),
    noted as (
      insert into order_history (order_id, status, note)
      select id, ${to}, ${fields.failure_reason ?? null} from moved)
    select * from moved`;
  return row;
}

/**
 * Sets what the saga does next and when (null: waits for an event); releases the lease. A step that is
 * due is announced on `orders_saga` (in the same statement), unless the saga runner scheduled it: the
 * runner then claims it itself.
 */
export async function scheduleSaga(
  db: Queryable,
  orderId: string,
  state: string,
  at: Date | null,
): Promise<void> {
  const notify = at !== null && !noteScheduledByRunner(orderId);
  const update = setNextStep(db, orderId, state, at === null ? db`null` : db`${at}`, null);
  if (notify)
    await db`with scheduled as (${update} returning id) select pg_notify('orders_saga', id::text) from scheduled`;
  else await update;
}

/**
 * Makes `state` due now and takes its lease in the same statement (as the runner's claim would: attempts
 * counted from this state); answers the claimed row, for a runner in this process to run after the commit.
 * A process that dies first leaves the lease to run out: then any replica's sweeper claims the step.
 */
export async function scheduleClaimed(
  db: Queryable,
  orderId: string,
  state: string,
  leaseMs: number,
): Promise<OrderRow | undefined> {
  const [row] = await db<OrderRow[]>`${setNextStep(db, orderId, state, db`now()`, leaseMs)} returning *`;
  return row;
}

/**
 * The update that sets the saga's next step: unleased, or leased for `leaseMs` to the caller (its attempt
 * counted). Attempts restart with a new state. The scheduler's trace (a checkout, an event handler, the
 * previous step) is where the step will run.
 */
function setNextStep(
  db: Queryable,
  orderId: string,
  state: string,
  at: ReturnType<Queryable>,
  leaseMs: number | null,
) {
  const trace = currentTraceCarrier();
  return db`
    update orders set saga_state = ${state}, saga_next_at = ${at},
      saga_lease_until = ${leaseMs === null ? db`null` : db`now() + ${leaseMs} * interval '1 millisecond'`},
      saga_attempts = (case when saga_state = ${state} then saga_attempts else 0 end) + ${leaseMs === null ? 0 : 1},
      updated_at = now(), saga_trace = coalesce(${trace ? JSON.stringify(trace) : null}::text::jsonb, saga_trace)
    where id = ${orderId}`;
}
