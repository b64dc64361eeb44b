import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockCommands, stockQueries, type Depot } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** Admin depots: open depots, choose the default, close them, attach and detach warehouse staff. */
export function DepotsPage() {
  const { t } = useTranslation('warehouse');
  useDocumentTitle(t('depots.title'));
  const depots = useQuery(stockQueries.depots());
  return (
    <section aria-labelledby="depots-title">
      <h1 id="depots-title" className="wh-title">
        {t('depots.title')}
      </h1>
      {depots.isPending ? (
        <ListSkeleton rows={3} />
      ) : depots.error ? (
        <ErrorState
          title={t('common.loadError')}
          error={depots.error}
          onRetry={() => void depots.refetch()}
        />
      ) : depots.data.length === 0 ? (
        <EmptyState icon="store" title={t('depots.empty')} />
      ) : (
        <ul className="wh-list wh-list--wide">
          {depots.data.map((depot) => (
            <DepotCard key={depot.id} depot={depot} />
          ))}
        </ul>
      )}
      <NewDepotForm />
    </section>
  );
}

function useDepotChange(message: string) {
  const client = useQueryClient();
  const toast = useToast();
  return {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['stock', 'depots'] });
      toast.ok(message);
    },
    onError: (error: unknown) => toast.error(error),
  };
}

function DepotCard({ depot }: { depot: Depot }) {
  const { t } = useTranslation('warehouse');
  const [userId, setUserId] = useState('');
  const update = useMutation({
    mutationFn: (body: { isDefault?: true; active?: boolean }) => stockCommands.updateDepot(depot.id, body),
    ...useDepotChange(t('depots.updated')),
  });
  const attach = useMutation({
    mutationFn: () => stockCommands.attach(depot.id, userId.trim()),
    ...useDepotChange(t('depots.attached')),
  });
  const detach = useMutation({
    mutationFn: (user: string) => stockCommands.detach(depot.id, user),
    ...useDepotChange(t('depots.detached')),
  });
  return (
    <li className="card wh-card">
      <div className="wh-card__row">
        <strong>
          {depot.name} <span className="wh-muted">{depot.code}</span>
        </strong>
        <span>
          {depot.isDefault && <span className="wh-badge wh-badge--picked">{t('depots.default')}</span>}{' '}
          {!depot.active && <span className="wh-badge wh-badge--cancelled">{t('depots.closed')}</span>}
        </span>
      </div>
      <p className="wh-muted">
        {depot.address} · {depot.openingHours}
      </p>
      <h3 className="field__label">{t('depots.staff')}</h3>
      {depot.staff.length === 0 ? (
        <p className="wh-muted">{t('depots.noStaff')}</p>
      ) : (
        <ul className="wh-staff">
          {depot.staff.map((member) => (
            <li key={member.userId} className="wh-card__row">
              <code>{member.userId}</code>
              <button
                type="button"
                className="btn btn--danger"
                onClick={() => {
                  if (window.confirm(t('depots.confirmDetach', { depot: depot.name })))
                    detach.mutate(member.userId);
                }}
              >
                {t('depots.detach')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="wh-inline"
        onSubmit={(event) => {
          event.preventDefault();
          attach.mutate();
        }}
      >
        <TextField
          label={t('depots.userId')}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          pattern="[0-9a-fA-F-]{36}"
          required
        />
        <button type="submit" className="btn btn--secondary" disabled={attach.isPending}>
          {t('depots.attach')}
        </button>
      </form>
      <div className="wh-actions">
        {!depot.isDefault && depot.active && (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => update.mutate({ isDefault: true })}
          >
            {t('depots.makeDefault')}
          </button>
        )}
        {depot.active ? (
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => {
              if (window.confirm(t('depots.confirmClose', { depot: depot.name })))
                update.mutate({ active: false });
            }}
          >
            {t('depots.close')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => update.mutate({ active: true })}
          >
            {t('depots.open')}
          </button>
        )}
      </div>
    </li>
  );
}

const EMPTY = {
  code: '',
  name: '',
  countryCode: 'KZ',
  city: '',
  address: '',
  lat: '',
  lng: '',
  openingHours: '',
};

function NewDepotForm() {
  const { t } = useTranslation('warehouse');
  const [form, setForm] = useState(EMPTY);
  const create = useMutation({
    mutationFn: () =>
      stockCommands.createDepot({
        ...form,
        code: form.code.trim().toUpperCase(),
        countryCode: form.countryCode.trim().toUpperCase(),
        lat: Number(form.lat),
        lng: Number(form.lng),
      }),
    ...useDepotChange(t('depots.created')),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined, { onSuccess: () => setForm(EMPTY) });
  };
  const field = (key: keyof typeof EMPTY, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={form[key]}
      onChange={(event) => setForm((f) => ({ ...f, [key]: event.target.value }))}
      required={key !== 'openingHours'}
      optional={key === 'openingHours'}
      {...extra}
    />
  );
  return (
    <form className="card wh-card wh-form" onSubmit={onSubmit} aria-labelledby="new-depot-title">
      <h2 id="new-depot-title" className="wh-subtitle">
        {t('depots.new')}
      </h2>
      <div className="wh-grid2">
        {field('code', t('depots.code'), { maxLength: 16 })}
        {field('name', t('depots.name'))}
        {field('countryCode', t('depots.country'), { maxLength: 2 })}
        {field('city', t('depots.city'))}
      </div>
      {field('address', t('depots.address'))}
      <div className="wh-grid2">
        {field('lat', t('depots.lat'), { type: 'number', step: 'any', min: -90, max: 90 })}
        {field('lng', t('depots.lng'), { type: 'number', step: 'any', min: -180, max: 180 })}
      </div>
      {field('openingHours', t('depots.hours'))}
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>
        {t('depots.create')}
      </button>
    </form>
  );
}
