/** `users.notification.requested.v1`: the notifier renders the mail and delivers it. */
import type { NotificationRequested } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import type { Mailer } from '../mail/mailer.ts';
import { renderMail } from '../mail/render-mail.ts';

/** Runs in the consumer's transaction after the inbox recorded the event: the mailbox row lands once. */
export function onNotificationRequested(mailer: Mailer): EventHandler<typeof NotificationRequested> {
  return async (event, tx) => {
    const mail = renderMail(event.data);
    await mailer.deliver(tx, {
      ...mail,
      id: event.data.notificationId,
      to: event.data.to,
      template: event.data.template,
    });
  };
}
