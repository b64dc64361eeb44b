/**
 * A process that dies in the middle of a reservation: it runs the guarded updates inside a transaction
 * and is killed (SIGKILL) before committing. Spawned by reserve-stock.test.ts; reads its order from env.
 */
import type { EventData, OrderPlaced } from '@sauda/contracts';
import { createDb } from '@sauda/kit';
import { reserveStock } from '../reservations/reserve-stock.ts';

const db = createDb(process.env['STOCK_CRASH_DB'] ?? '', { max: 1 });
await db.begin(async (tx) => {
  // The test wrote this order from the typed helper; a parse is all it needs.
  const order = JSON.parse(process.env['STOCK_CRASH_ORDER'] ?? '{}') as EventData<typeof OrderPlaced>;
  await reserveStock(tx, order, 60_000);
  process.stdout.write('reserved, dying before commit\n');
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => undefined); // never reached: the kill is immediate
});
