/** The stock service's API as the warehouse, seller-stock and depot pages call it. */
import type {
  Depot,
  NewDepot,
  PackParcel,
  Parcel,
  PickTask,
  Receipt,
  ReturnInspection,
  SellerStockItem,
  StockQuantities,
} from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { Depot, Parcel, PickTask, Receipt, ReturnInspection, SellerStockItem };
/** One level row of the depot's stock list. */
export type DepotStockRow = StockQuantities & { variantId: string; sku: string; title: string };
/** A line of a pick task. */
export type PickLine = PickTask['lines'][number];

const items = <T>(path: string) => api.get<{ items: T[] }>(path).then((answer) => answer.items);

/** Query definitions, keyed so a mutation can refresh what it changed. */
export const stockQueries = {
  depot: () =>
    queryOptions({ queryKey: ['stock', 'depot'], queryFn: () => api.get<Depot>('/warehouse/depot') }),
  tasks: (scope: 'open' | 'done') =>
    queryOptions({
      queryKey: ['stock', 'tasks', scope],
      queryFn: () => items<PickTask>(`/warehouse/tasks?scope=${scope}`),
      refetchInterval: 15_000, // new orders arrive while the queue is open
    }),
  task: (id: string) =>
    queryOptions({
      queryKey: ['stock', 'task', id],
      queryFn: () => api.get<PickTask>(`/warehouse/tasks/${id}`),
    }),
  parcel: (code: string) =>
    queryOptions({
      queryKey: ['stock', 'parcel', code],
      queryFn: () => api.get<Parcel>(`/warehouse/parcels/${encodeURIComponent(code)}`),
    }),
  depotStock: (q: string) =>
    queryOptions({
      queryKey: ['stock', 'depot-stock', q],
      queryFn: () => items<DepotStockRow>(`/warehouse/stock?q=${encodeURIComponent(q)}`),
    }),
  receipts: () =>
    queryOptions({ queryKey: ['stock', 'receipts'], queryFn: () => items<Receipt>('/warehouse/receipts') }),
  returns: () =>
    queryOptions({
      queryKey: ['stock', 'returns'],
      queryFn: () => items<ReturnInspection>('/warehouse/returns'),
    }),
  sellerStock: () =>
    queryOptions({ queryKey: ['stock', 'seller'], queryFn: () => items<SellerStockItem>('/seller/stock') }),
  depots: () => queryOptions({ queryKey: ['stock', 'depots'], queryFn: () => items<Depot>('/admin/depots') }),
};

/** The commands; each returns the changed resource. */
export const stockCommands = {
  pick: (taskId: string, lineId: string, quantity: number, scannedSku?: string) =>
    api.post<PickTask>(`/warehouse/tasks/${taskId}/lines/${lineId}/pick`, {
      quantity,
      ...(scannedSku ? { scannedSku } : {}),
    }),
  shortage: (taskId: string, lineId: string, found: number) =>
    api.post<{ task: PickTask; missing: number; reallocatedTo: string | null }>(
      `/warehouse/tasks/${taskId}/lines/${lineId}/shortage`,
      { found },
    ),
  pack: (taskId: string, body: PackParcel) => api.post<Parcel>(`/warehouse/tasks/${taskId}/parcels`, body),
  announce: (body: { variantId: string; expected: number; note?: string }) =>
    api.post<Receipt>('/warehouse/receipts', body),
  receive: (id: string, received: number) =>
    api.post<Receipt>(`/warehouse/receipts/${id}/receive`, { received }),
  registerReturn: (parcel: string) => api.post<ReturnInspection>('/warehouse/returns', { parcel }),
  inspect: (id: string, lines: Array<{ lineId: string; restock: number; writeOff: number }>) =>
    api.post<ReturnInspection>(`/warehouse/returns/${id}/inspect`, { lines }),
  setStock: (variantId: string, quantity: number, depotId?: string) =>
    api.put<SellerStockItem>(`/seller/stock/${variantId}`, { quantity, ...(depotId ? { depotId } : {}) }),
  setThreshold: (variantId: string, threshold: number) =>
    api.put<SellerStockItem>(`/seller/stock/${variantId}/threshold`, { threshold }),
  createDepot: (body: NewDepot) => api.post<Depot>('/admin/depots', body),
  updateDepot: (id: string, body: { isDefault?: true; active?: boolean }) =>
    api.patch<Depot>(`/admin/depots/${id}`, body),
  attach: (id: string, userId: string) => api.put<Depot>(`/admin/depots/${id}/staff/${userId}`),
  detach: (id: string, userId: string) => api.delete<Depot>(`/admin/depots/${id}/staff/${userId}`),
};
