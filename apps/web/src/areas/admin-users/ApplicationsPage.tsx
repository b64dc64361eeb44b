import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmButton } from '../../components/Confirm.tsx';
import { TextField } from '../../components/Field.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { FormSkeleton, SelectField } from '../account/ProfilePage.tsx';
import { applicationsQuery, type AdminApplication } from './api.ts';
import { useCanEdit } from './AdminShell.tsx';

/** Seller applications: the pending ones first; approve, or reject with a reason. */
export function ApplicationsPage() {
  const { t } = useTranslation('adminUsers');
  useDocumentTitle(t('applications.title'));
  const [filters, setFilters] = useState({ status: 'pending', page: 1 });
  const list = useQuery(applicationsQuery(filters));
  return (
    <section className="panel cab-wide">
      <div className="cab-head">
        <h2 className="panel__title">{t('applications.title')}</h2>
        <SelectField
          label={t('applications.status')}
          name="status"
          value={filters.status}
          options={[
            ['pending', t('applications.statuses.pending')],
            ['approved', t('applications.statuses.approved')],
            ['rejected', t('applications.statuses.rejected')],
            ['', t('users.any')],
          ]}
          onChange={(status) => setFilters({ status, page: 1 })}
        />
      </div>
      {list.isPending && <FormSkeleton rows={3} />}
      {list.isError && (
        <ErrorState
          title={t('applications.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      )}
      {list.data?.items.length === 0 && <EmptyState title={t('applications.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <ul className="cab-cards" data-testid="application-list">
          {list.data.items.map((application) => (
            <Application key={application.id} application={application} />
          ))}
        </ul>
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

function Application({ application }: { application: AdminApplication }) {
  const { t, i18n } = useTranslation('adminUsers');
  const canEdit = useCanEdit();
  const toast = useToast();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const settle = (text: string) => async () => {
    toast.ok(text);
    await client.invalidateQueries({ queryKey: ['admin'] });
  };
  const approve = useMutation({
    mutationFn: () => api.post(`/admin/seller-applications/${application.id}/approve`),
    onSuccess: settle(t('applications.approved', { shop: application.shopName })),
    onError: (error) => toast.error(error),
  });
  const reject = useMutation({
    mutationFn: () =>
      api.post(`/admin/seller-applications/${application.id}/reject`, { reason: reason.trim() }),
    onSuccess: settle(t('applications.rejected', { shop: application.shopName })),
    onError: (error) => toast.error(error),
  });
  return (
    <li className="cab-card" data-testid="application" data-email={application.accountEmail}>
      <div className="cab-card__main">
        <p className="cab-card__title">
          {application.shopName}{' '}
          <span className="chip">{t(`applications.statuses.${application.status}`)}</span>
        </p>
        <dl className="details">
          <div>
            <dt>{t('applications.applicant')}</dt>
            <dd>{application.accountEmail}</dd>
          </div>
          <div>
            <dt>{t('applications.legalName')}</dt>
            <dd>{application.legalName}</dd>
          </div>
          <div>
            <dt>BIN / IIN</dt>
            <dd>{application.bin}</dd>
          </div>
          <div>
            <dt>IBAN</dt>
            <dd>{application.iban}</dd>
          </div>
          <div>
            <dt>{t('applications.contact')}</dt>
            <dd>
              {application.contactEmail} · {application.contactPhone}
            </dd>
          </div>
          <div>
            <dt>{t('applications.filed')}</dt>
            <dd>
              {new Date(application.createdAt).toLocaleString(i18n.language, {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </dd>
          </div>
          {application.reason && (
            <div>
              <dt>{t('applications.reason')}</dt>
              <dd>{application.reason}</dd>
            </div>
          )}
        </dl>
      </div>
      {canEdit && application.status === 'pending' && (
        <div className="cab-stack" style={{ width: '100%' }}>
          <div className="cab-actions">
            <ConfirmButton
              label={t('applications.approve')}
              question={t('applications.approveQuestion', { shop: application.shopName })}
              confirmLabel={t('applications.approve')}
              className="btn btn--primary"
              disabled={approve.isPending}
              onConfirm={() => approve.mutate()}
              testId="approve-application"
            />
          </div>
          <TextField
            label={t('applications.rejectReason')}
            name="reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="cab-actions">
            <ConfirmButton
              label={t('applications.reject')}
              question={t('applications.rejectQuestion', { shop: application.shopName })}
              confirmLabel={t('applications.reject')}
              className="btn btn--danger"
              disabled={reason.trim().length < 3 || reject.isPending}
              onConfirm={() => reject.mutate()}
            />
          </div>
        </div>
      )}
    </li>
  );
}
