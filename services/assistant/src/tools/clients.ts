/** The clients of the services the assistant's tools call. */
import { createHttpClient, UpstreamProblem, type HttpClient } from '@sauda/kit';

export interface Clients {
  shop: HttpClient;
  orders: HttpClient;
  shipping: HttpClient;
  users: HttpClient;
}

/** One resilient client per service. */
export function createClients(urls: {
  shop: string;
  orders: string;
  shipping: string;
  users: string;
}): Clients {
  const make = (service: string, baseUrl: string) => createHttpClient({ service, baseUrl, timeoutMs: 4000 });
  return {
    shop: make('shop', urls.shop),
    orders: make('orders', urls.orders),
    shipping: make('shipping', urls.shipping),
    users: make('users', urls.users),
  };
}

/** Closes every client. */
export const closeClients = async (clients: Clients): Promise<void> => {
  await Promise.all(Object.values(clients).map((client: HttpClient) => client.close()));
};

/** A 401/403/404 from the owning service means "not yours / not there": the tool answers null. */
export async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof UpstreamProblem && [401, 403, 404].includes(error.status)) return null;
    throw error;
  }
}
