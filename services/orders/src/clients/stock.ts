/** Calls to `stock`: available units per variant (for cart notices) and the depots customers may pick up at. */
import type { HttpClient } from '@sauda/kit';

/** A depot where a customer may collect an order. */
export interface PickupDepot {
  id: string;
  name: string;
  city: string;
  countryCode: string;
  lat: number;
  lng: number;
}

/** What orders asks of stock; both are optional comforts: the cart works without stock. */
export interface StockPort {
  availability(variantIds: string[]): Promise<Map<string, number>>;
  depots(): Promise<PickupDepot[]>;
}

/** The stock port over HTTP (service token), with depots cached for a minute. */
export function stockPort(client: HttpClient): StockPort {
  let depots: { at: number; list: PickupDepot[] } | undefined;
  return {
    async availability(variantIds) {
      const answer = await client.post<{ items: Array<{ variantId: string; available: number }> }>(
        '/availability',
        { variantIds },
        { asService: true },
      );
      return new Map(answer.items.map((i) => [i.variantId, i.available]));
    },
    async depots() {
      if (depots && depots.at > Date.now() - 60_000) return depots.list;
      try {
        const list = await client.get<PickupDepot[]>('/depots');
        depots = { at: Date.now(), list };
        return list;
      } catch (error) {
        // Depots rarely change: while stock is down the last list serves.
        if (depots) return depots.list;
        throw error;
      }
    },
  };
}
