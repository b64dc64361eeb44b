/** Where mail goes: SMTP when SMTP_URL is configured, else the local mailbox table admins read. */
import { createTransport } from 'nodemailer';
import type { Tx } from '@sauda/kit';
import { insertMail } from '../data/mailbox.ts';
import type { Mail } from './render-mail.ts';

/** Delivers one rendered mail; `id` makes a redelivery a no-op where the medium allows it. */
export interface Mailer {
  readonly kind: 'smtp' | 'mailbox';
  deliver(tx: Tx, mail: Mail & { id: string; to: string; template: string }): Promise<void>;
  close(): void;
}

/** The mailer the configuration asks for. */
export function createMailer(config: { SMTP_URL?: string | undefined; MAIL_FROM: string }): Mailer {
  if (!config.SMTP_URL) {
    return {
      kind: 'mailbox',
      deliver: (tx, mail) => insertMail(tx, mail),
      close: () => undefined,
    };
  }
  const transport = createTransport(config.SMTP_URL);
  return {
    kind: 'smtp',
    async deliver(_tx, mail) {
      // The Message-ID carries the notification id, so a retried send is recognisable as the same mail.
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        messageId: `<${mail.id}@sauda.kz>`,
      });
    },
    close: () => transport.close(),
  };
}
