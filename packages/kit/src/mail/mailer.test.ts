import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, mailFileName } from './mailer.ts';

const FROM = 'Sauda <no-reply@sauda.kz>';
const ID = '01970000-0000-7000-8000-00000000ma11';
const mail = {
  id: ID,
  to: 'aigerim@example.kz',
  subject: 'Заказ SD-7K3Q-91XM подтверждён',
  text: 'Здравствуйте, Айгерим!',
  language: 'ru',
};

/** The smallest SMTP server nodemailer talks to: it keeps every message it accepted. */
async function smtpServer(): Promise<{ server: Server; url: string; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(data + buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = null;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (line.startsWith('EHLO')) socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (line === 'DATA') {
          data = '';
          socket.write('354 go on\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, messages };
}

describe('the kit mailer', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('sends through SMTP when SMTP_URL is configured, the mail id as Message-ID', async () => {
    const smtp = await smtpServer();
    cleanups.push(() => new Promise((resolve) => smtp.server.close(resolve)));
    const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: FROM, MAIL_DIR: '/nonexistent' });
    expect(mailer.kind).toBe('smtp');
    await mailer.send(mail);
    mailer.close();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatch(new RegExp(`Message-ID: <${ID}@sauda.kz>`, 'i'));
    expect(smtp.messages[0]).toMatch(/Content-Language: ru/);
  });

  it('without SMTP writes an .eml file per mail id under MAIL_DIR; a repeat replaces it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sauda-kit-mail-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const mailer = createMailer({ MAIL_FROM: FROM, MAIL_DIR: join(dir, 'mail') });
    expect(mailer.kind).toBe('file');
    await mailer.send(mail);
    await mailer.send({ ...mail, text: 'Здравствуйте, Айгерим! (2)' });
    expect(await readdir(join(dir, 'mail'))).toEqual([`${ID}.eml`]);
    const eml = await readFile(join(dir, 'mail', `${ID}.eml`), 'utf8');
    expect(eml).toMatch(/From: Sauda <no-reply@sauda.kz>/);
    expect(eml).toMatch(/Subject: =\?UTF-8\?/);
    mailer.close();
  });

  it('with neither only logs, and refuses a file name that is not a mail id', async () => {
    const lines: object[] = [];
    const mailer = createMailer({ MAIL_FROM: FROM }, { info: (o) => lines.push(o) });
    expect(mailer.kind).toBe('log');
    await mailer.send(mail);
    expect(lines).toEqual([{ mailId: ID, to: mail.to, subject: mail.subject }]);
    expect(() => mailFileName('../../etc/passwd')).toThrow();
  });
});
