/**
 * Customer mail at each visible step, written to `email_outbox` in the same transaction as the change
 * (rendered in the language the customer checked out in); one mail per fact, whatever redelivers it.
 */
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { renderOrderMail, type MailTemplate } from './mail-texts.ts';

/** Who the order's mail goes to (columns of `orders` that never change after checkout). */
export interface MailRecipient {
  number: string;
  customer_email: string | null;
  customer_name: string | null;
  locale: 'en' | 'ru' | 'kk';
}

/**
 * Queues the mail of `template` for the order's customer; `fact` separates repeats (a parcel, a return).
 * A caller that holds the order row passes it as `recipient` and saves reading it again.
 */
export async function notifyCustomer(
  tx: Tx,
  orderId: string,
  template: MailTemplate,
  extra: { fact?: string; tracking?: string; amount?: string } = {},
  recipient?: MailRecipient,
): Promise<void> {
  const [order] = recipient
    ? [recipient]
    : await tx<MailRecipient[]>`
        select number, customer_email, customer_name, locale from orders where id = ${orderId}`;
  if (!order?.customer_email) return; // a token without an email (never for customers): nobody to write to
  const mail = renderOrderMail(order.locale, template, {
    name: order.customer_name ?? '',
    number: order.number,
    link: `/orders/${orderId}`,
    tracking: extra.tracking,
    amount: extra.amount,
  });
  await tx`
    insert into email_outbox (id, order_id, recipient, locale, template, subject, body, dedupe_key)
    values (${uuidv7()}, ${orderId}, ${order.customer_email}, ${order.locale}, ${template}, ${mail.subject},
            ${mail.body}, ${`${template}:${orderId}:${extra.fact ?? ''}`})
    on conflict (dedupe_key) do nothing`;
}
