/** Packs picked units into a parcel: they leave the depot's books and `shipping` is told to open a shipment. */
import { ParcelCreated, type PackParcel, type Parcel, type ShippingAddressSnapshot } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { loadParcel } from '../data/parcels-repo.ts';
import { lockOpenTask, settleTaskStatus } from '../data/tasks-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { LineNotFound, NothingToPack, QuantityTooLarge } from '../errors.ts';
import { applyMovement } from '../levels/movement.ts';
import { newParcelCode } from './parcel-code.ts';

/** Creates the parcel with the given lines (every picked, unpacked unit when none are given). */
export async function packParcel(
  db: Db,
  caller: Principal,
  taskId: string,
  input: PackParcel,
): Promise<Parcel> {
  const depotId = await staffDepot(db, caller);
  const parcelId = await withTransaction(db, async (tx) => {
    const task = await lockOpenTask(tx, depotId, taskId);
    const lines = await tx<{ line_id: string; variant_id: string; waiting: number }[]>`
      select line_id, variant_id, picked - packed as waiting from pick_lines where task_id = ${taskId}`;
    const chosen =
      input.lines ??
      lines.filter((l) => l.waiting > 0).map((l) => ({ lineId: l.line_id, quantity: l.waiting }));
    if (chosen.length === 0) throw new NothingToPack();
    const id = uuidv7();
    const code = newParcelCode();
    await tx`
      insert into parcels (id, code, task_id, order_id, depot_id, weight_grams, length_cm, width_cm, height_cm, created_by)
      values (${id}, ${code}, ${taskId}, ${task.order_id}, ${depotId}, ${input.weightGrams}, ${input.dimensionsCm.l},
              ${input.dimensionsCm.w}, ${input.dimensionsCm.h}, ${caller.id})`;
    const packed: Array<{ lineId: string; variantId: string; quantity: number }> = [];
    for (const item of chosen) {
      const line = lines.find((l) => l.line_id === item.lineId);
      if (!line) throw new LineNotFound(`line ${item.lineId} is not on this task`);
      const updated = await tx`
        update pick_lines set packed = packed + ${item.quantity}
        where task_id = ${taskId} and line_id = ${item.lineId} and packed + ${item.quantity} <= picked`;
      if (updated.count === 0)
        throw new QuantityTooLarge(`line ${item.lineId} has ${line.waiting} picked units to pack`);
      await tx`insert into parcel_lines (parcel_id, line_id, variant_id, quantity)
               values (${id}, ${item.lineId}, ${line.variant_id}, ${item.quantity})`;
      const shipped = await applyMovement(tx, {
        variantId: line.variant_id,
        depotId,
        kind: 'ship',
        delta: { onHand: -item.quantity, committed: -item.quantity },
        ref: `parcel:${code}`,
        actorId: caller.id,
      });
      if (!shipped) throw new Error(`task ${taskId}: the level does not hold the committed units`);
      packed.push({ lineId: item.lineId, variantId: line.variant_id, quantity: item.quantity });
    }
    await settleTaskStatus(tx, taskId);
    const [order] = await tx<{ shipping_address: ShippingAddressSnapshot | null }[]>`
      select shipping_address from reservations where order_id = ${task.order_id}`;
    const sellers = await tx<{ seller_id: string }[]>`
      select distinct seller_id from reservation_lines rl join reservations r on r.id = rl.reservation_id
      where r.order_id = ${task.order_id} and rl.line_id in ${tx(packed.map((p) => p.lineId))}`;
    if (!order?.shipping_address) throw new Error(`order ${task.order_id} has no delivery address`);
    await appendEvent(tx, ParcelCreated, {
      parcelId: id,
      parcelCode: code,
      orderId: task.order_id,
      depotId,
      sellerIds: sellers.map((s) => s.seller_id),
      lines: packed,
      weightGrams: input.weightGrams,
      dimensionsCm: input.dimensionsCm,
      recipient: order.shipping_address,
      createdAt: new Date().toISOString(),
    });
    return id;
  });
  return loadParcel(db, depotId, parcelId);
}
