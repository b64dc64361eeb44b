import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailer, eventMigrations, idempotencyMigrations, migrate, type Mailer } from '@sauda/kit';
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mailRetryDelayMs, relayMailOnce, startMailRelay } from './mail-relay.ts';

vi.setConfig({ testTimeout: 120_000 });

describe('the customer mail relay, on a real PostgreSQL and the kit mailer', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('orders_mail');
    await migrate(db.sql, new URL('../../migrations', import.meta.url), [
      ...eventMigrations,
      ...idempotencyMigrations,
    ]);
  }, 120_000);
  afterAll(async () => db?.drop(), 60_000);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sauda-mail-'));
    await db.sql`delete from email_outbox`;
    return () => rm(dir, { recursive: true, force: true });
  });

  const queue = async (n: number, locale: 'en' | 'ru' | 'kk' = 'ru') => {
    const ids = Array.from({ length: n }, () => uuidv7());
    for (const id of ids)
      await db.sql`
        insert into email_outbox (id, recipient, locale, template, subject, body, dedupe_key)
        values (${id}, 'aigerim@example.kz', ${locale}, 'confirmed', 'Заказ SD-7K3Q-91XM подтверждён',
                'Здравствуйте, Айгерим!', ${`confirmed:${id}`})`;
    return ids;
  };
  const unsent = async () =>
    (await db.sql<{ n: number }[]>`select count(*)::int as n from email_outbox where sent_at is null`)[0]?.n;
  /** The file mailer, counting sends per mail id. */
  const counting = (
    inner: Mailer = createMailer({ MAIL_FROM: 'Sauda <no-reply@sauda.kz>', MAIL_DIR: dir }),
  ) => {
    const sends = new Map<string, number>();
    const mailer: Mailer = {
      kind: inner.kind,
      async send(mail) {
        sends.set(mail.id, (sends.get(mail.id) ?? 0) + 1);
        await inner.send(mail);
      },
      close: () => inner.close(),
    };
    return { mailer, sends };
  };
  const options = { pollMs: 20, leaseMs: 60_000 };

  it('writes each queued mail as an .eml file in the customer language and marks it sent', async () => {
    const id = (await queue(1, 'kk'))[0] ?? '';
    const { mailer, sends } = counting();
    expect(await relayMailOnce(db.sql, mailer, options)).toBe(1);
    expect(await relayMailOnce(db.sql, mailer, options)).toBe(0);
    expect(sends.get(id)).toBe(1);
    const eml = await readFile(join(dir, `${id}.eml`), 'utf8');
    expect(eml).toMatch(new RegExp(`Message-ID: <${id}@sauda.kz>`, 'i'));
    expect(eml).toMatch(/Content-Language: kk/);
    expect(eml).toMatch(/To: aigerim@example.kz/);
    expect(await unsent()).toBe(0);
  });

  it('retries a failed send later with backoff, and sends it once when the mail server is back', async () => {
    const id = (await queue(1))[0] ?? '';
    let down = true;
    const inner = createMailer({ MAIL_FROM: 'Sauda <no-reply@sauda.kz>', MAIL_DIR: dir });
    const { mailer, sends } = counting({
      kind: 'smtp',
      send: async (mail) => {
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
        await inner.send(mail);
      },
      close: () => undefined,
    });
    expect(await relayMailOnce(db.sql, mailer, { ...options, retryMinMs: 60_000 })).toBe(0);
    const [row] = await db.sql<{ attempts: number; last_error: string; later: boolean }[]>`
      select attempts, last_error, next_attempt_at > now() + interval '30 seconds' as later
      from email_outbox where id = ${id}`;
    expect(row).toMatchObject({ attempts: 1, later: true });
    expect(row?.last_error).toMatch(/ECONNREFUSED/);
    // Not due yet: nothing is tried.
    expect(await relayMailOnce(db.sql, mailer, options)).toBe(0);
    expect(sends.get(id)).toBe(1);
    down = false;
    await db.sql`update email_outbox set next_attempt_at = now() where id = ${id}`;
    expect(await relayMailOnce(db.sql, mailer, options)).toBe(1);
    expect(await readdir(dir)).toEqual([`${id}.eml`]);
    expect(await unsent()).toBe(0);
  });

  it('sends each mail exactly once with two relays at work, and takes over what a crashed one held', async () => {
    const ids = await queue(30);
    // A relay that claims a batch and dies before sending: its lease keeps the others off until it expires.
    const dying: Mailer = { kind: 'file', send: () => new Promise(() => undefined), close: () => undefined };
    void relayMailOnce(db.sql, dying, { pollMs: 20, leaseMs: 1500, batch: 5 });
    await vi.waitFor(
      async () => {
        const [held] = await db.sql<{ n: number }[]>`
          select count(*)::int as n from email_outbox where lease_until is not null`;
        expect(held?.n).toBe(5);
      },
      { timeout: 30_000 },
    );
    const { mailer, sends } = counting();
    const relays = [
      startMailRelay(db.sql, mailer, { ...options, batch: 4 }),
      startMailRelay(db.sql, mailer, { ...options, batch: 4 }),
    ];
    try {
      await vi.waitFor(async () => expect(await unsent()).toBe(0), { timeout: 60_000, interval: 100 });
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    expect([...sends.keys()].sort()).toEqual([...ids].sort());
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect((await readdir(dir)).length).toBe(30);
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 10, 30].map((a) => mailRetryDelayMs(a, 1000, 60_000))).toEqual([
      1000, 2000, 4000, 60_000, 60_000,
    ]);
  });
});
