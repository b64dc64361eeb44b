/** Pick tasks as the warehouse screens read them. */
import type { PickLine, PickTask } from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';
import { TaskClosed, TaskNotFound } from '../errors.ts';

interface TaskRow {
  id: string;
  order_id: string;
  order_number: string;
  depot_id: string;
  status: PickTask['status'];
  created_at: Date;
}

/** One task of a depot with its lines and parcels; TASK_NOT_FOUND for another depot's task. */
export async function loadTask(db: Queryable, depotId: string, taskId: string): Promise<PickTask> {
  const [task] = await db<TaskRow[]>`
    select id, order_id, order_number, depot_id, status, created_at from pick_tasks
    where id = ${taskId} and depot_id = ${depotId}`;
  if (!task) throw new TaskNotFound();
  const [withLines] = await withDetails(db, [task]);
  if (!withLines) throw new TaskNotFound();
  return withLines;
}

/** The depot's queue: unfinished tasks oldest first, then the latest finished ones. */
export async function listTasks(
  db: Queryable,
  depotId: string,
  scope: 'open' | 'done',
  limit: number,
): Promise<PickTask[]> {
  const tasks =
    scope === 'open'
      ? await db<TaskRow[]>`
          select id, order_id, order_number, depot_id, status, created_at from pick_tasks
          where depot_id = ${depotId} and status in ('open', 'picking', 'picked')
          order by created_at, id limit ${limit}`
      : await db<TaskRow[]>`
          select id, order_id, order_number, depot_id, status, created_at from pick_tasks
          where depot_id = ${depotId} and status in ('packed', 'cancelled')
          order by updated_at desc limit ${limit}`;
  return withDetails(db, tasks);
}

async function withDetails(db: Queryable, tasks: TaskRow[]): Promise<PickTask[]> {
  if (tasks.length === 0) return [];
  const ids = tasks.map((task) => task.id);
  const lines = await db<(PickLine & { taskId: string })[]>`
    select task_id as "taskId", line_id as "lineId", variant_id as "variantId", sku, title, quantity, picked,
           packed, short
    from pick_lines where task_id in ${db(ids)} order by sku, line_id`;
  const parcels = await db<{ taskId: string; id: string; code: string }[]>`
    select task_id as "taskId", id, code from parcels where task_id in ${db(ids)} order by created_at`;
  return tasks.map((task) => ({
    id: task.id,
    orderId: task.order_id,
    orderNumber: task.order_number,
    depotId: task.depot_id,
    status: task.status,
    createdAt: task.created_at.toISOString(),
    lines: lines.filter((l) => l.taskId === task.id).map(({ taskId: _t, ...line }) => line),
    parcels: parcels.filter((p) => p.taskId === task.id).map(({ taskId: _t, ...parcel }) => parcel),
  }));
}

/** Locks a depot's unfinished task for a change; TASK_CLOSED once packed or cancelled. */
export async function lockOpenTask(
  tx: Tx,
  depotId: string,
  taskId: string,
): Promise<{ order_id: string; status: PickTask['status'] }> {
  const [task] = await tx<{ order_id: string; status: PickTask['status'] }[]>`
    select order_id, status from pick_tasks where id = ${taskId} and depot_id = ${depotId} for update`;
  if (!task) throw new TaskNotFound();
  if (task.status === 'packed' || task.status === 'cancelled') throw new TaskClosed();
  return task;
}

/** Sets the task's status from its lines: picked when every unit is picked, packed when every one is packed. */
export async function settleTaskStatus(tx: Tx, taskId: string): Promise<void> {
  await tx`
    update pick_tasks t set status = s.next, updated_at = now()
    from (
      select case
               when sum(quantity) = 0 then 'cancelled'
               when bool_and(packed = quantity) then 'packed'
               when bool_and(picked = quantity) then 'picked'
               when sum(picked) > 0 then 'picking'
               else 'open' end as next
      from pick_lines where task_id = ${taskId}) s
    where t.id = ${taskId} and t.status <> s.next`;
}
