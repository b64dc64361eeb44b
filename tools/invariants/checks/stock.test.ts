import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSystem, type FixtureSystem } from '../fixture.ts';

let system: FixtureSystem;
const depot = randomUUID();
beforeAll(async () => {
  system = await createFixtureSystem(['stock']);
  await system.db('stock')`
    insert into depots (id, code, name, country_code, city, address, lat, lng)
    values (${depot}, 'ALA', 'Almaty', 'KZ', 'Almaty', 'Abay 1', 43.2, 76.9)`;
}, 60_000);
afterAll(() => system?.drop());

async function move(
  variant: string,
  kind: string,
  change: { on_hand?: number; reserved?: number; committed?: number },
) {
  const stock = system.db('stock');
  await stock`
    insert into movements (variant_id, depot_id, kind, on_hand, reserved, committed)
    values (${variant}, ${depot}, ${kind}, ${change.on_hand ?? 0}, ${change.reserved ?? 0}, ${change.committed ?? 0})`;
}

async function level(variant: string, onHand: number, reserved: number, committed = 0) {
  await system.db('stock')`
    insert into stock_levels (variant_id, depot_id, on_hand, reserved, committed)
    values (${variant}, ${depot}, ${onHand}, ${reserved}, ${committed})
    on conflict (variant_id, depot_id) do update set on_hand = excluded.on_hand, reserved = excluded.reserved,
      committed = excluded.committed`;
}

describe('stock ledger and levels agree', () => {
  it('passes when each level is the sum of its movements and fails when one drifts', async () => {
    const variant = randomUUID();
    await move(variant, 'receipt', { on_hand: 5 });
    await move(variant, 'reservation', { reserved: 2 });
    await level(variant, 5, 2);
    expect(await system.check('stock ledger and levels agree')).toMatchObject({ ok: true });

    await level(variant, 5, 3);
    const result = await system.check('stock ledger and levels agree');
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${variant} at ${depot}: reserved is 3, the ledger sums to 2`);
    await level(variant, 5, 2);
  });

  it('fails a level with no movement behind it', async () => {
    const variant = randomUUID();
    await level(variant, 4, 0);
    const result = await system.check('stock ledger and levels agree');
    expect(result.details).toContain(`${variant} at ${depot}: on_hand is 4, the ledger sums to 0`);
    await move(variant, 'receipt', { on_hand: 4 });
  });
});

describe('no units sold beyond stock', () => {
  it('passes a ledger that never holds more than it has, and fails one that reserved a unit it did not have', async () => {
    const variant = randomUUID();
    await move(variant, 'receipt', { on_hand: 1 });
    await move(variant, 'reservation', { reserved: 1 });
    await move(variant, 'commit', { reserved: -1, committed: 1 });
    expect(await system.check('no units sold beyond stock')).toMatchObject({ ok: true });

    await move(variant, 'reservation', { reserved: 1 });
    const result = await system.check('no units sold beyond stock');
    expect(result.ok).toBe(false);
    expect(result.details.join()).toContain(
      `${variant} at ${depot}: 2 units held of 1 on hand after movement`,
    );
  });
});
