/** Asks the notifier for a mail, through the outbox, in the transaction of the change that wants it. */
import { v7 as uuidv7 } from 'uuid';
import { NotificationRequested, type EventData } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import type { Account } from '../data/accounts.ts';

type Template = EventData<typeof NotificationRequested>['template'];

/** Appends `users.notification.requested.v1` for the account; sent once the transaction commits. */
export async function requestMail(
  tx: Tx,
  account: Pick<Account, 'id' | 'email' | 'name' | 'locale'>,
  template: Template,
  extra: { link?: string; reason?: string; shopName?: string } = {},
): Promise<void> {
  await appendEvent(tx, NotificationRequested, {
    notificationId: uuidv7(),
    accountId: account.id,
    to: account.email,
    name: account.name,
    locale: account.locale,
    template,
    ...extra,
  });
}
