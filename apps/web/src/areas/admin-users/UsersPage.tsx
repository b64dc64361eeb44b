import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ROLES, type Role } from '../../api/types.ts';
import { ConfirmButton } from '../../components/Confirm.tsx';
import { FormAlert, TextField } from '../../components/Field.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { describeError } from '../account/describeError.ts';
import { FormSkeleton, SelectField } from '../account/ProfilePage.tsx';
import { usersQuery, type AdminUser } from './api.ts';
import { useCanEdit } from './AdminShell.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Find accounts; open one to change its roles, block or unblock it, or attach staff to a site. */
export function UsersPage() {
  const { t } = useTranslation('adminUsers');
  const { t: tRoot } = useTranslation();
  useDocumentTitle(t('users.title'));
  const [filters, setFilters] = useState({ q: '', role: '', status: '', page: 1 });
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery(usersQuery(filters));
  return (
    <section className="panel cab-wide">
      <h2 className="panel__title">{t('users.title')}</h2>
      <form
        className="cab-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...filters, q: typed.trim(), page: 1 });
        }}
      >
        <TextField
          label={t('users.search')}
          name="q"
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          value={filters.role}
          options={[['', t('users.any')], ...ROLES.map((r) => [r, tRoot(`roles.${r}`)] as const)]}
          onChange={(role) => setFilters({ ...filters, role, page: 1 })}
        />
        <SelectField
          label={t('users.status')}
          name="status"
          value={filters.status}
          options={[
            ['', t('users.any')],
            ['active', t('status.active')],
            ['blocked', t('status.blocked')],
          ]}
          onChange={(status) => setFilters({ ...filters, status, page: 1 })}
        />
        <button type="submit" className="btn btn--primary">
          {t('users.find')}
        </button>
      </form>
      {list.isPending && <FormSkeleton rows={5} />}
      {list.isError && (
        <ErrorState title={t('users.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      )}
      {list.data?.items.length === 0 && <EmptyState icon="user" title={t('users.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <ul className="cab-cards" aria-busy={list.isFetching} data-testid="admin-user-list">
          {list.data.items.map((user) => (
            <li key={user.id} className="cab-card" data-testid="admin-user">
              <div className="cab-card__main">
                <p className="cab-card__title">
                  {user.name}
                  {user.status === 'blocked' && <span className="chip">{t('status.blocked')}</span>}
                </p>
                <p>{user.email}</p>
                <p className="cab-muted">
                  {user.roles
                    .map((r) => (ROLES.includes(r as Role) ? tRoot(`roles.${r as Role}`) : r))
                    .join(', ')}
                </p>
              </div>
              <div className="cab-card__actions">
                <button
                  type="button"
                  className="btn btn--ghost"
                  aria-expanded={open === user.id}
                  onClick={() => setOpen(open === user.id ? null : user.id)}
                >
                  {open === user.id ? t('users.close') : t('users.manage')}
                </button>
              </div>
              {open === user.id && <UserDetail user={user} />}
            </li>
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

function UserDetail({ user }: { user: AdminUser }) {
  const { t } = useTranslation('adminUsers');
  const { t: tAccount } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const canEdit = useCanEdit();
  const toast = useToast();
  const client = useQueryClient();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [reason, setReason] = useState('');
  const [sites, setSites] = useState({
    depotId: user.depotId ?? '',
    sortingCentreId: user.sortingCentreId ?? '',
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['admin'] });
  const done = (text: string) => async () => {
    toast.ok(text);
    await refresh();
  };
  const saveRoles = useMutation({
    mutationFn: () => api.put(`/admin/users/${user.id}/roles`, { roles }),
    onSuccess: done(t('users.rolesSaved')),
    onError: (e) => toast.error(describeError(e, tAccount, tRoot)),
  });
  const block = useMutation({
    mutationFn: () => api.post(`/admin/users/${user.id}/block`, { reason: reason.trim() }),
    onSuccess: done(t('users.blocked')),
    onError: (e) => toast.error(describeError(e, tAccount, tRoot)),
  });
  const unblock = useMutation({
    mutationFn: () => api.post(`/admin/users/${user.id}/unblock`),
    onSuccess: done(t('users.unblocked')),
    onError: (e) => toast.error(describeError(e, tAccount, tRoot)),
  });
  const assign = useMutation({
    mutationFn: () =>
      api.put(`/admin/users/${user.id}/staff`, {
        depotId: sites.depotId.trim() || null,
        sortingCentreId: sites.sortingCentreId.trim() || null,
      }),
    onSuccess: done(t('users.sitesSaved')),
  });
  const sitesValid = [sites.depotId, sites.sortingCentreId].every(
    (id) => id.trim() === '' || UUID.test(id.trim()),
  );
  const submitSites = (e: FormEvent) => {
    e.preventDefault();
    if (sitesValid) assign.mutate();
  };
  return (
    <div className="cab-stack" style={{ width: '100%' }} data-testid="admin-user-detail">
      <fieldset className="cab-fieldset">
        <legend className="field__label">{t('users.roles')}</legend>
        <div className="cab-roles">
          {ROLES.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={roles.includes(role)}
                onChange={(e) =>
                  setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
                }
              />
              {tRoot(`roles.${role}`)}
            </label>
          ))}
        </div>
        {canEdit && (
          <button
            type="button"
            className="btn btn--primary"
            disabled={roles.length === 0 || saveRoles.isPending}
            onClick={() => saveRoles.mutate()}
          >
            {t('users.saveRoles')}
          </button>
        )}
      </fieldset>
      {(user.roles.includes('warehouseman') || user.roles.includes('driver')) && (
        <form className="cab-fieldset" onSubmit={submitSites}>
          <legend className="field__label">{t('users.sites')}</legend>
          {assign.isError && <FormAlert>{describeError(assign.error, tAccount, tRoot)}</FormAlert>}
          <div className="cab-form__row">
            {user.roles.includes('warehouseman') && (
              <TextField
                label={t('users.depot')}
                name="depotId"
                readOnly={!canEdit}
                value={sites.depotId}
                onChange={(e) => setSites({ ...sites, depotId: e.target.value })}
                error={sites.depotId.trim() && !UUID.test(sites.depotId.trim()) ? t('users.uuid') : undefined}
              />
            )}
            {user.roles.includes('driver') && (
              <TextField
                label={t('users.sortingCentre')}
                name="sortingCentreId"
                readOnly={!canEdit}
                value={sites.sortingCentreId}
                onChange={(e) => setSites({ ...sites, sortingCentreId: e.target.value })}
                error={
                  sites.sortingCentreId.trim() && !UUID.test(sites.sortingCentreId.trim())
                    ? t('users.uuid')
                    : undefined
                }
              />
            )}
          </div>
          {canEdit && (
            <button type="submit" className="btn btn--primary" disabled={assign.isPending}>
              {t('users.saveSites')}
            </button>
          )}
        </form>
      )}
      {canEdit && (
        <div className="cab-fieldset">
          {user.status === 'active' ? (
            <>
              <TextField
                label={t('users.blockReason')}
                name="reason"
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <ConfirmButton
                label={t('users.block')}
                question={t('users.blockQuestion', { email: user.email })}
                confirmLabel={t('users.block')}
                className="btn btn--danger"
                disabled={reason.trim().length < 3}
                onConfirm={() => block.mutate()}
              />
            </>
          ) : (
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => unblock.mutate()}
              disabled={unblock.isPending}
            >
              {t('users.unblock')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
