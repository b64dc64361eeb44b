/**
 * Delivers `email_outbox` through the kit's mailer. A worker claims due rows under a lease (`SKIP LOCKED`, so
 * replicas share the work), sends, and marks each row sent; a failed send is retried with exponential backoff.
 * A crash between the send and the mark leaves the lease to expire and the mail to be sent again under the
 * same Message-ID (the .eml file is replaced, SMTP receivers recognise the id): never lost, never two mails.
 */
import type { Db, Mailer } from '@sauda/kit';
import type { Logger } from 'pino';

/** Timings of the relay. */
export interface MailRelayOptions {
  pollMs: number;
  leaseMs: number;
  /** Rows claimed per round. */
  batch?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

interface Claimed {
  id: string;
  recipient: string;
  locale: string;
  subject: string;
  body: string;
  attempts: number;
}

/** The wait before retry `attempt` (1-based): doubling from `min`, at most `max`. */
export function mailRetryDelayMs(attempt: number, min: number, max: number): number {
  return Math.min(max, min * 2 ** Math.max(0, attempt - 1));
}

/** Claims and sends one batch of due mail; answers how many were sent. */
export async function relayMailOnce(
  db: Db,
  mailer: Mailer,
  options: MailRelayOptions,
  logger?: Logger,
): Promise<number> {
  const claimed = await db<Claimed[]>`
    update email_outbox set lease_until = now() + ${options.leaseMs} * interval '1 millisecond',
      attempts = attempts + 1
    where id in (
      select id from email_outbox
      where sent_at is null and next_attempt_at <= now() and (lease_until is null or lease_until < now())
      order by next_attempt_at, id limit ${options.batch ?? 20}
      for update skip locked)
    returning id, recipient, locale, subject, body, attempts`;
  let sent = 0;
  for (const mail of claimed) {
    try {
      await mailer.send({
        id: mail.id,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        language: mail.locale,
      });
      await db`update email_outbox set sent_at = now(), lease_until = null, last_error = null
               where id = ${mail.id} and sent_at is null`;
      sent += 1;
    } catch (error) {
      const wait = mailRetryDelayMs(
        mail.attempts,
        options.retryMinMs ?? 5000,
        options.retryMaxMs ?? 3_600_000,
      );
      logger?.warn({ err: error, mailId: mail.id, attempts: mail.attempts }, 'mail not sent; retrying later');
      await db`update email_outbox set lease_until = null, last_error = ${String(error).slice(0, 500)},
                 next_attempt_at = now() + ${wait} * interval '1 millisecond'
               where id = ${mail.id} and sent_at is null`;
    }
  }
  return sent;
}

/** Runs the relay every `pollMs` (at once again while there is more) until stopped. */
export function startMailRelay(
  db: Db,
  mailer: Mailer,
  options: MailRelayOptions,
  logger?: Logger,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    let sent = 0;
    try {
      sent = await relayMailOnce(db, mailer, options, logger);
    } catch (error) {
      // The database is away: the next round tries again; nothing was claimed or every claim expires.
      logger?.warn({ err: error }, 'mail relay round failed');
    }
    if (!stopped) timer = setTimeout(tick, sent >= (options.batch ?? 20) ? 0 : options.pollMs);
  };
  const tick = () => {
    running = round();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
