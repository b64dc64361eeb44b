/** The customer's order calls (types from the contracts) and following an order live. */
import type {
  CancelOrder,
  NewReturn,
  Order,
  OrderStatus,
  OrderSummary,
  ReturnRequest,
} from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { API_BASE } from '../../api/http.ts';
import { getAccessToken } from '../../api/session.ts';
import { isSettled } from './progress.ts';
import { parseSse } from './sse.ts';

export type {
  Order,
  OrderLine,
  OrderStatus,
  OrderSummary,
  ReturnRequest,
  SellerOrder,
} from '@sauda/contracts';

/** A page of a list with the total count. */
export interface Page<T> {
  items: T[];
  total: number;
}

export const PER_PAGE = 10;

export const orderQueries = {
  list: (page: number, status: OrderStatus | '') =>
    queryOptions({
      queryKey: ['orders', 'list', page, status],
      queryFn: ({ signal }) =>
        api.get<Page<OrderSummary>>(
          `/orders?page=${page}&limit=${PER_PAGE}${status ? `&status=${status}` : ''}`,
          {
            signal,
          },
        ),
    }),
  order: (id: string) =>
    queryOptions({
      queryKey: ['orders', 'detail', id],
      queryFn: ({ signal }) => api.get<Order>(`/orders/${id}`, { signal }),
    }),
};

export const orderCommands = {
  cancel: (id: string, body: CancelOrder) => api.post<Order>(`/orders/${id}/cancel`, body),
  requestReturn: (id: string, body: NewReturn) => api.post<ReturnRequest>(`/orders/${id}/returns`, body),
  uploadPhoto: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<{ photoId: string; url: string }>('/orders/returns/photos', form);
  },
};

/**
 * Follows an order until its checkout settles: the server-sent stream first (each `data:` is the
 * order), polling every second when the stream is not there or breaks. Stops on `signal`.
 */
export async function followOrder(
  id: string,
  onOrder: (order: Order) => void,
  signal: AbortSignal,
): Promise<void> {
  let settled = false;
  const take = (order: Order) => {
    onOrder(order);
    settled = isSettled(order.status);
  };
  try {
    await readStream(id, take, signal, () => settled);
  } catch {
    // The stream is optional: polling below gives the same answers, a second apart.
  }
  while (!settled && !signal.aborted) {
    await sleep(1000, signal);
    if (signal.aborted) return;
    try {
      take(await api.get<Order>(`/orders/${id}`, { signal }));
    } catch {
      // A failed poll (a restart, a blip) is retried on the next tick; the page keeps the last answer.
    }
  }
}

async function readStream(
  id: string,
  take: (order: Order) => void,
  signal: AbortSignal,
  done: () => boolean,
): Promise<void> {
  const token = await getAccessToken();
  // The stream ends by itself when the checkout settles: the connection is kept for the next request.
  const response = await fetch(`${API_BASE}/orders/${id}/stream?until=settled`, {
    headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok || !response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    while (!done()) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      const { data, rest } = parseSse(buffer + value);
      buffer = rest;
      for (const text of data) take(JSON.parse(text) as Order);
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
