/**
 * The one mailer of every service: SMTP when `SMTP_URL` is configured; otherwise each message is written as
 * an `.eml` file under `MAIL_DIR` (the embedded demo: open them in any mail client), or only logged when
 * neither is set. The message id makes a repeated send recognisable as the same mail.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type TProperties } from '@sinclair/typebox';
import { createTransport } from 'nodemailer';

/** What a service that sends mail reads (spread into its config schema). */
export const mailConfig = {
  SMTP_URL: Type.Optional(
    Type.String({
      description: 'smtp(s)://user:pass@host:port; unset: .eml files in MAIL_DIR (or a log line)',
    }),
  ),
  MAIL_FROM: Type.String({ default: 'Sauda <no-reply@sauda.kz>' }),
  MAIL_DIR: Type.Optional(
    Type.String({
      description: 'where mail is written as .eml files when SMTP_URL is unset (embedded mode)',
    }),
  ),
} satisfies TProperties;

/** One rendered message; `id` (a UUID) names it everywhere: Message-ID, file name, logs. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** BCP 47 language of the text (`en`, `ru`, `kk`), sent as Content-Language. */
  language?: string | undefined;
}

/** Sends mail; `send` resolves once the medium accepted the message (SMTP answer, file renamed in place). */
export interface Mailer {
  readonly kind: 'smtp' | 'file' | 'log';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Where a mailer writes when it logs instead of sending. */
export interface MailLogger {
  info(object: object, message: string): void;
}

/** The mailer the configuration asks for. */
export function createMailer(
  config: { SMTP_URL?: string | undefined; MAIL_FROM: string; MAIL_DIR?: string | undefined },
  logger?: MailLogger,
): Mailer {
  const message = (mail: OutgoingMail) => ({
    from: config.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: messageIdOf(mail.id),
    ...(mail.language ? { headers: { 'Content-Language': mail.language } } : {}),
  });
  if (config.SMTP_URL) {
    const transport = createTransport(config.SMTP_URL);
    return {
      kind: 'smtp',
      send: async (mail) => void (await transport.sendMail(message(mail))),
      close: () => transport.close(),
    };
  }
  const dir = config.MAIL_DIR;
  if (dir) {
    // Nodemailer's stream transport builds the exact RFC 5322 message SMTP would have carried.
    const builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
      kind: 'file',
      async send(mail) {
        const built = (await builder.sendMail(message(mail))) as { message: Buffer };
        await mkdir(dir, { recursive: true });
        const file = join(dir, mailFileName(mail.id));
        // Written aside then renamed: a crash never leaves half a message, a repeat replaces it whole.
        await writeFile(`${file}.tmp`, built.message);
        await rename(`${file}.tmp`, file);
      },
      close: () => builder.close(),
    };
  }
  return {
    kind: 'log',
    send: async (mail) =>
      logger?.info({ mailId: mail.id, to: mail.to, subject: mail.subject }, 'mail (no SMTP_URL)'),
    close: () => undefined,
  };
}

/** The Message-ID of a mail id. */
export function messageIdOf(id: string): string {
  return `<${id}@sauda.kz>`;
}

/** The file a mail id is written to under `MAIL_DIR`. */
export function mailFileName(id: string): string {
  if (!/^[0-9a-zA-Z-]{8,64}$/.test(id)) throw new Error(`not a mail id: ${id}`);
  return `${id}.eml`;
}
