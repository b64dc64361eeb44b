/**
 * Where users' mail goes: the kit's mailer (SMTP when SMTP_URL is configured); without SMTP each mail is
 * also kept in the local mailbox table admins read, and written as an .eml file when MAIL_DIR is set.
 */
import { createMailer as createKitMailer, type Tx } from '@sauda/kit';
import { insertMail } from '../data/mailbox.ts';
import type { Mail } from './render-mail.ts';

/** Delivers one rendered mail; `id` makes a redelivery a no-op where the medium allows it. */
export interface Mailer {
  readonly kind: 'smtp' | 'mailbox';
  deliver(tx: Tx, mail: Mail & { id: string; to: string; template: string }): Promise<void>;
  close(): void;
}

/** The mailer the configuration asks for. */
export function createMailer(config: {
  SMTP_URL?: string | undefined;
  MAIL_FROM: string;
  MAIL_DIR?: string | undefined;
}): Mailer {
  const sender = createKitMailer(config);
  const send = (mail: Mail & { id: string; to: string }) =>
    sender.send({ id: mail.id, to: mail.to, subject: mail.subject, text: mail.body });
  if (sender.kind === 'smtp')
    return { kind: 'smtp', deliver: (_tx, mail) => send(mail), close: () => sender.close() };
  return {
    kind: 'mailbox',
    async deliver(tx, mail) {
      await insertMail(tx, mail);
      await send(mail);
    },
    close: () => sender.close(),
  };
}
