/** The receiving desk's list. */
import type { Receipt } from '@sauda/contracts';
import type { Db, Principal } from '@sauda/kit';
import { selectReceipts, toReceipt } from '../data/receipts-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';

/** The depot's receipts: awaited first, then the latest received. */
export async function listReceipts(db: Db, caller: Principal): Promise<Receipt[]> {
  const depotId = await staffDepot(db, caller);
  const rows = await selectReceipts(db, depotId, null);
  return rows.map(toReceipt);
}
