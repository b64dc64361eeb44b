import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Me, SellerApplication } from '../account/api.ts';

/** An account as admins see it. */
export interface AdminUser extends Me {
  status: 'active' | 'blocked';
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** A security event. */
export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  accountId: string | null;
  accountEmail: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** A mail kept in the local mailbox (users), or order mail with its delivery state (orders). */
export interface Mail {
  id: string;
  to: string;
  subject: string;
  body: string;
  template: string;
  createdAt: string;
  sentAt?: string | null;
}

/** Whose mail the mailbox shows: account mail (users) or order mail (orders, embedded mode). */
export type MailSource = 'accounts' | 'orders';

/** An application with the applicant's email. */
export type AdminApplication = SellerApplication & { accountEmail: string };

const search = (params: Record<string, string | number | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, String(value));
  return query.toString();
};

export const usersQuery = (params: { q: string; role: string; status: string; page: number }) =>
  queryOptions({
    queryKey: ['admin', 'users', params],
    queryFn: ({ signal }) =>
      api.get<Page<AdminUser>>(`/admin/users?${search({ ...params, limit: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const applicationsQuery = (params: { status: string; page: number }) =>
  queryOptions({
    queryKey: ['admin', 'seller-applications', params],
    queryFn: ({ signal }) =>
      api.get<Page<AdminApplication>>(`/admin/seller-applications?${search({ ...params, limit: 20 })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const auditQuery = (params: { action: string; accountId: string; page: number }) =>
  queryOptions({
    queryKey: ['admin', 'audit', params],
    queryFn: ({ signal }) =>
      api.get<Page<AuditEntry>>(`/admin/audit?${search({ ...params, limit: 50 })}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const mailboxQuery = ({ source, ...params }: { to: string; page: number; source: MailSource }) =>
  queryOptions({
    queryKey: ['admin', 'mailbox', source, params],
    queryFn: ({ signal }) =>
      api.get<Page<Mail>>(
        `${source === 'orders' ? '/admin/orders/mail' : '/admin/mailbox'}?${search({ ...params, limit: 20 })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
