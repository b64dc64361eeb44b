import { DEMO_SITES } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSku, level } from '../test/orders.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';
import { applyMovements, ledgerDrift, type Movement } from './movement.ts';

const { almaty, astana } = DEMO_SITES.depots;

describe('applying movements: all or none, in one guarded statement', () => {
  let t: StockTestApp;
  beforeAll(async () => {
    t = await createStockTestApp();
  });
  afterAll(async () => {
    expect(await ledgerDrift(t.db.sql)).toEqual([]);
    await t.close();
  });
  const db = () => t.db.sql;
  const ledgerRows = async (variantId: string) => {
    const [row] = await db()<
      { n: number }[]
    >`select count(*)::int as n from movements where variant_id = ${variantId}`;
    return row?.n ?? 0;
  };
  const announced = async (variantId: string) =>
    db()<{ available: number }[]>`
      select (payload ->> 'available')::int as available from outbox
      where type = 'stock.level.changed.v1' and payload ->> 'variantId' = ${variantId}::text order by id`;
  const reserve = (variantId: string, depotId: string, reserved: number): Movement => ({
    variantId,
    depotId,
    kind: 'reservation',
    delta: { reserved },
  });

  it('changes nothing, writes no ledger row and announces nothing when one guard refuses', async () => {
    const plenty = await freshSku(db(), { [almaty]: 5 });
    const scarce = await freshSku(db(), { [astana]: 1 });
    const applied = await withTransaction(db(), (tx) =>
      applyMovements(tx, [reserve(plenty, almaty, 2), reserve(scarce, astana, 2)]),
    );
    expect(applied).toBe(false);
    expect(await level(db(), plenty, almaty)).toMatchObject({ reserved: 0 });
    expect(await ledgerRows(plenty)).toBe(1); // the opening receipt only
    expect(await announced(plenty)).toEqual([]);
  });

  it('refuses a level that does not exist', async () => {
    const variantId = await freshSku(db(), { [almaty]: 5 });
    expect(
      await withTransaction(db(), (tx) =>
        applyMovements(tx, [reserve(variantId, almaty, 1), reserve(variantId, astana, 1)]),
      ),
    ).toBe(false);
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 0 });
  });

  it('applies every movement with one ledger row each, adds up movements of one level, announces once', async () => {
    const variantId = await freshSku(db(), { [almaty]: 5, [astana]: 3 });
    const applied = await withTransaction(db(), (tx) =>
      applyMovements(tx, [
        reserve(variantId, almaty, 2),
        reserve(variantId, almaty, 3),
        reserve(variantId, astana, 1),
      ]),
    );
    expect(applied).toBe(true);
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 5 });
    expect(await level(db(), variantId, astana)).toMatchObject({ reserved: 1 });
    expect(await ledgerRows(variantId)).toBe(2 + 3);
    expect(await announced(variantId)).toEqual([{ available: 2 }]);
  });

  it('judges the level that movements of one level leave, not each step', async () => {
    const variantId = await freshSku(db(), { [almaty]: 2 });
    const apply = (moves: Movement[]) => withTransaction(db(), (tx) => applyMovements(tx, moves));
    const receipt: Movement = { variantId, depotId: almaty, kind: 'receipt', delta: { onHand: 1 } };
    expect(await apply([reserve(variantId, almaty, 3)])).toBe(false);
    expect(await apply([reserve(variantId, almaty, 3), receipt])).toBe(true);
    expect(await level(db(), variantId, almaty)).toMatchObject({ on_hand: 3, reserved: 3 });
  });

  it('runs follow-up work only when the movements applied', async () => {
    const variantId = await freshSku(db(), { [almaty]: 1 });
    const ran: boolean[] = [];
    for (const quantity of [2, 1])
      await withTransaction(db(), (tx) =>
        applyMovements(tx, [reserve(variantId, almaty, quantity)], async () => {
          ran.push(quantity === 1);
        }),
      );
    expect(ran).toEqual([true]);
  });
});
