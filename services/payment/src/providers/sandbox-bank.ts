/**
 * The built-in sandbox bank: an acquirer with its own books (sandbox_* tables) that approves, declines
 * with reason codes, asks for a challenge, hangs past the timeout or answers late, and tells us what
 * changed by signed webhooks. It keeps the scenario of a card, never its number.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { ChallengeNotFound, IntentStateConflict, RefundExceedsCaptured } from '../errors.ts';
import type { PaymentProvider, ProviderState } from './provider.ts';
import { DECLINES, scenarioOf, type SandboxScenario } from './sandbox-scenarios.ts';
import { signPayload, verifySignature } from './signature.ts';

/** Delivers one signed webhook; resolves true when the receiver accepted it (2xx). */
export type WebhookDelivery = (body: string, signature: string) => Promise<boolean>;

export interface SandboxBankOptions {
  db: Db;
  webhookSecret: string;
  deliver: WebhookDelivery;
  /** How long the late-answer card waits before answering by webhook. */
  lateAnswerMs: number;
  /** How long the timeout card hangs (longer than any caller waits). */
  hangMs?: number;
  /** Builds the customer's challenge page link. */
  challengeUrl: (challengeId: string) => string;
  /** Delays between webhook delivery attempts. */
  retryDelaysMs?: number[];
}

/** The sandbox bank plus what only it offers: answering a 3-D Secure style challenge. */
export interface SandboxBank extends PaymentProvider {
  completeChallenge(challengeId: string, approve: boolean): Promise<{ ref: string }>;
  /** Webhook deliveries still running (tests wait for them). */
  idle(): Promise<void>;
  /** Drops late answers not yet due and waits for deliveries in flight. */
  close(): Promise<void>;
}

interface AuthRow {
  ref: string;
  status: string;
  decline_code: string | null;
  challenge_id: string | null;
}

/** Opens the sandbox bank over the service's database. */
export function createSandboxBank(options: SandboxBankOptions): SandboxBank {
  const { db } = options;
  const inFlight = new Set<Promise<void>>();
  const lateTimers = new Set<NodeJS.Timeout>();
  const retryDelays = options.retryDelaysMs ?? [0, 200, 1000, 5000, 15_000];

  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const sendWebhook = (ref: string, type: string): void => {
    const body = JSON.stringify({ id: `evt_${uuidv7()}`, type, ref, created: Math.floor(Date.now() / 1000) });
    track(
      (async () => {
        for (const delay of retryDelays) {
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay).unref());
          const accepted = await options
            .deliver(body, signPayload(body, options.webhookSecret))
            .catch(() => false);
          if (accepted) return;
        }
      })(),
    );
  };

  const stateOf = (row: AuthRow): ProviderState => {
    if (row.status === 'declined')
      return { status: 'declined', ref: row.ref, code: row.decline_code ?? 'do_not_honour' };
    if (row.status === 'requires_action')
      return { status: 'requires_action', ref: row.ref, url: options.challengeUrl(row.challenge_id ?? '') };
    return { status: row.status as 'authorized' | 'pending' | 'captured' | 'canceled', ref: row.ref };
  };

  const declines = [...DECLINES];
  // One statement per authorization: the card's scenario decides the answer, recorded once per intent (the
  // intent id is the bank's idempotency key); a retried authorization finds the first answer instead.
  const authorizeOnce = async (ref: string, token: string, amount: number, currency: string) => {
    const [row] = await db<(AuthRow & { scenario: SandboxScenario })[]>`
      with card as (
        select coalesce((select scenario from sandbox_cards where provider_token = ${token}), 'do_not_honour') as scenario
      ), fresh as (
        insert into sandbox_authorizations (ref, provider_token, amount, currency, status, decline_code, challenge_id)
        select ${ref}, ${token}, ${amount}, ${currency},
               case when scenario = any(${declines}::text[]) then 'declined'
                    when scenario = 'challenge' then 'requires_action'
                    when scenario = 'late_answer' then 'pending'
                    else 'authorized' end,
               case when scenario = any(${declines}::text[]) then scenario end,
               case when scenario = 'challenge' then ${uuidv7()}::uuid end
        from card
        on conflict (ref) do nothing
        returning ref, status, decline_code, challenge_id
      )
      select a.*, card.scenario from card, (
        select * from fresh
        union all
        select ref, status, decline_code, challenge_id from sandbox_authorizations where ref = ${ref}
      ) as a`;
    return row;
  };

  return {
    name: 'sandbox',
    async tokenize(card) {
      const providerToken = `sbx_tok_${randomBytes(18).toString('base64url')}`;
      await db`insert into sandbox_cards (provider_token, scenario) values (${providerToken}, ${scenarioOf(card.digits)})`;
      return providerToken;
    },
    async authorize({ intentId, providerToken, amount }) {
      const ref = `sbx_auth_${intentId}`;
      // Empty only when a concurrent first try committed after this statement began: asked again, it is found.
      const row =
        (await authorizeOnce(ref, providerToken, amount.amount, amount.currency)) ??
        (await authorizeOnce(ref, providerToken, amount.amount, amount.currency));
      if (!row) throw new Error('sandbox authorization vanished');
      const { scenario } = row;
      if (scenario === 'late_answer' && row.status === 'pending') {
        const timer = setTimeout(() => {
          lateTimers.delete(timer);
          track(
            (async () => {
              await db`update sandbox_authorizations set status = 'authorized', updated_at = now()
                       where ref = ${row.ref} and status = 'pending'`;
              sendWebhook(row.ref, 'authorization.updated');
            })(),
          );
        }, options.lateAnswerMs);
        lateTimers.add(timer);
      }
      if (scenario === 'timeout') {
        // The bank authorized, but its answer never arrives in time: the caller must reverse it.
        await new Promise((resolve) => setTimeout(resolve, options.hangMs ?? 60_000).unref());
      }
      return stateOf(row);
    },
    async retrieve(ref) {
      const [row] = await db<
        AuthRow[]
      >`select ref, status, decline_code, challenge_id from sandbox_authorizations where ref = ${ref}`;
      if (!row) return { status: 'declined', ref, code: 'unknown_authorization' };
      return stateOf(row);
    },
    async capture(ref, amount) {
      const done = await db`
        update sandbox_authorizations set status = 'captured', captured = ${amount}, updated_at = now()
        where ref = ${ref} and ((status = 'authorized' and amount >= ${amount}) or (status = 'captured' and captured = ${amount}))`;
      if (done.count === 0) throw new IntentStateConflict('the bank refused the capture');
    },
    async cancel(ref) {
      await db`update sandbox_authorizations set status = 'canceled', updated_at = now()
               where ref = ${ref} and status in ('authorized', 'requires_action', 'pending')`;
    },
    async reverse(intentId) {
      await db`update sandbox_authorizations set status = 'canceled', updated_at = now()
               where ref = ${`sbx_auth_${intentId}`} and status in ('authorized', 'requires_action', 'pending')`;
    },
    async refund(ref, amount) {
      const done = await db`
        update sandbox_authorizations set refunded = refunded + ${amount}, updated_at = now()
        where ref = ${ref} and status = 'captured' and refunded + ${amount} <= captured`;
      if (done.count === 0) throw new RefundExceedsCaptured('the bank refused the refund');
      return `sbx_re_${uuidv7()}`;
    },
    verifyWebhook(rawBody, signature) {
      verifySignature(rawBody, signature, options.webhookSecret);
      const event = JSON.parse(rawBody) as { id: string; type: string; ref: string };
      return { eventId: event.id, type: event.type, ref: event.ref };
    },
    async completeChallenge(challengeId, approve) {
      const [row] = await db<{ ref: string }[]>`
        update sandbox_authorizations
        set status = ${approve ? 'authorized' : 'declined'}, decline_code = ${approve ? null : 'authentication_failed'},
            updated_at = now()
        where challenge_id = ${challengeId} and status = 'requires_action'
        returning ref`;
      if (!row) throw new ChallengeNotFound();
      sendWebhook(row.ref, 'authorization.updated');
      return { ref: row.ref };
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      for (const timer of lateTimers) clearTimeout(timer);
      lateTimers.clear();
      await this.idle();
    },
  };
}
