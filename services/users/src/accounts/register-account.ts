/** Registration: a new customer account, its first session, and `users.user.registered.v1`. */
import { v7 as uuidv7 } from 'uuid';
import { UserRegistered, type CurrencyCode, type Locale } from '@sauda/contracts';
import { appendEvent, withTransaction } from '@sauda/kit';
import type { ClientInfo, UsersContext } from '../context.ts';
import { insertAccount } from '../data/accounts.ts';
import { EmailTaken, WeakPassword } from '../errors.ts';
import { startSession, type SignedIn } from '../sessions/start-session.ts';
import { normalizeEmail } from './email.ts';
import { describeWeakness, passwordWeakness } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { audit } from '../audit/audit.ts';
import { requestMail } from '../mail/request-mail.ts';
import { issueOneTimeToken } from '../tokens/one-time-tokens.ts';

/** The link a verification mail carries. */
export function verificationLink(ctx: UsersContext, token: string): string {
  return `${ctx.webUrl}/verify-email?token=${token}`;
}

export interface Registration {
  email: string;
  password: string;
  name: string;
  phone?: string | undefined;
  locale?: Locale | undefined;
  currency?: CurrencyCode | undefined;
}

/** Creates the account (a customer), signs it in, and announces it in the same transaction. */
export async function registerAccount(
  ctx: UsersContext,
  registration: Registration,
  client: ClientInfo,
): Promise<SignedIn> {
  const email = normalizeEmail(registration.email);
  const weakness = passwordWeakness(registration.password, email);
  if (weakness) throw new WeakPassword(describeWeakness(weakness), { reason: weakness });
  const passwordHash = await hashPassword(registration.password);
  return withTransaction(ctx.db, async (tx) => {
    const account = await insertAccount(tx, {
      id: uuidv7(),
      email,
      passwordHash,
      name: registration.name.trim(),
      phone: registration.phone ?? null,
      locale: registration.locale ?? 'en',
      currency: registration.currency ?? 'KZT',
      roles: ['customer'],
    });
    if (!account) throw new EmailTaken();
    await appendEvent(tx, UserRegistered, {
      userId: account.id,
      email: account.email,
      name: account.name,
      roles: account.roles,
      locale: account.locale,
      registeredAt: account.createdAt.toISOString(),
    });
    const token = await issueOneTimeToken(
      tx,
      account.id,
      'email_verification',
      account.createdAt,
      ctx.ttl.emailVerificationMs,
    );
    await requestMail(tx, account, 'email_verification', { link: verificationLink(ctx, token) });
    await audit(tx, account.createdAt, 'registered', { accountId: account.id, ip: client.ip });
    return startSession(ctx, tx, account, client);
  });
}
