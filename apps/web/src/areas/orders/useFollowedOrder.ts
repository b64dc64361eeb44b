import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { followOrder, orderQueries, type Order } from './api.ts';
import { isSettled } from './progress.ts';

/** An order, kept live while its checkout runs (stream, else polling each second). */
export function useFollowedOrder(id: string) {
  const client = useQueryClient();
  const order = useQuery(orderQueries.order(id));
  const status = order.data?.status;
  const following = status !== undefined && !isSettled(status);
  useEffect(() => {
    if (!following) return;
    const stop = new AbortController();
    void followOrder(
      id,
      (next: Order) => client.setQueryData(orderQueries.order(id).queryKey, next),
      stop.signal,
    );
    return () => stop.abort();
  }, [following, id, client]);
  return { ...order, following };
}
