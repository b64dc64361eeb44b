import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { FormSkeleton, SelectField } from '../account/ProfilePage.tsx';
import { auditQuery } from './api.ts';

const ACTIONS = [
  'login_succeeded',
  'login_failed',
  'login_two_factor_failed',
  'registered',
  'email_verified',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'two_factor_enabled',
  'two_factor_disabled',
  'recovery_code_used',
  'session_revoked',
  'signed_out_everywhere',
  'role_changed',
  'blocked',
  'unblocked',
  'staff_assigned',
  'seller_applied',
  'seller_approved',
  'seller_rejected',
  'payment_method_added',
  'payment_method_removed',
] as const;

/** The security audit log, newest first, by action. */
export function AuditPage() {
  const { t, i18n } = useTranslation('adminUsers');
  useDocumentTitle(t('audit.title'));
  const [filters, setFilters] = useState({ action: '', accountId: '', page: 1 });
  const list = useQuery(auditQuery(filters));
  return (
    <section className="panel cab-wide">
      <div className="cab-head">
        <h2 className="panel__title">{t('audit.title')}</h2>
        <SelectField
          label={t('audit.action')}
          name="action"
          value={filters.action}
          options={[['', t('users.any')], ...ACTIONS.map((a) => [a, t(`audit.actions.${a}`)] as const)]}
          onChange={(action) => setFilters({ ...filters, action, page: 1 })}
        />
      </div>
      {list.isPending && <FormSkeleton rows={6} />}
      {list.isError && (
        <ErrorState title={t('audit.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      )}
      {list.data?.items.length === 0 && <EmptyState title={t('audit.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-busy={list.isFetching}>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.account')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    {new Date(entry.at).toLocaleString(i18n.language, {
                      dateStyle: 'short',
                      timeStyle: 'medium',
                    })}
                  </td>
                  <td>
                    {(ACTIONS as readonly string[]).includes(entry.action)
                      ? t(`audit.actions.${entry.action as (typeof ACTIONS)[number]}`)
                      : entry.action}
                  </td>
                  <td>
                    {entry.accountEmail ?? entry.accountId ?? '—'}
                    {entry.actorId && entry.actorId !== entry.accountId && (
                      <span className="cab-muted"> · {t('audit.by', { id: entry.actorId.slice(-6) })}</span>
                    )}
                  </td>
                  <td>{entry.ip ?? '—'}</td>
                  <td className="cab-muted">
                    {Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <Pager
          page={filters.page}
          total={list.data.total}
          perPage={list.data.limit}
          onPage={(page) => setFilters({ ...filters, page })}
        />
      )}
    </section>
  );
}
