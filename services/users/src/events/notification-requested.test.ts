import { NotificationRequested, type EventData } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../mail/mailer.ts';
import { startTestUsers, tokenFor, type TestUsers } from '../test-app.ts';
import { onNotificationRequested } from './notification-requested.ts';

describe('the notifier', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  const request = (overrides: Partial<EventData<typeof NotificationRequested>> = {}) => ({
    id: uuidv7(),
    type: NotificationRequested.type,
    occurredAt: new Date().toISOString(),
    source: 'users',
    headers: {},
    data: {
      notificationId: uuidv7(),
      accountId: uuidv7(),
      to: 'aliya@example.kz',
      name: 'Aliya',
      locale: 'en' as const,
      template: 'email_verification' as const,
      link: '/verify-email?token=abc',
      ...overrides,
    },
  });

  it('without SMTP keeps each mail once in the local mailbox that admins read', async () => {
    const mailer = createMailer({ MAIL_FROM: 'Sauda <no-reply@sauda.kz>' });
    expect(mailer.kind).toBe('mailbox');
    const handle = onNotificationRequested(mailer);
    const event = request({ locale: 'kk' });
    // Delivered twice (as a redelivery would be): one message.
    for (let i = 0; i < 2; i += 1) await withTransaction(users.database.sql, (tx) => handle(event, tx));
    const admin = await tokenFor(users, { id: uuidv7(), roles: ['admin'] });
    const mailbox = await users.app.inject({
      url: '/admin/mailbox?to=ALIYA@example.kz',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(mailbox.json()).toMatchObject({
      total: 1,
      items: [
        { to: 'aliya@example.kz', template: 'email_verification', subject: 'Sauda үшін email-ды растаңыз' },
      ],
    });
    expect(mailbox.json<{ items: Array<{ body: string }> }>().items[0]?.body).toContain(
      '/verify-email?token=abc',
    );
  });

  it('with SMTP_URL sends through SMTP instead', () => {
    const mailer = createMailer({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Sauda <no-reply@sauda.kz>',
    });
    expect(mailer.kind).toBe('smtp');
    mailer.close();
  });
});
