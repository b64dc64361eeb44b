import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { faultCommands, faultsQuery, type FaultFlags, type FaultState } from './faults-api.ts';

/** The numeric flags of a service, as inputs: percent of requests failed, and latency added in steps of 50 ms. */
const NUMBERS = [
  { name: 'failPercent', max: 100, step: 1 },
  { name: 'latencyMs', max: 30000, step: 50 },
] as const;

/** The fault flags of every service, for admins in dev and test runs; hidden where the gateway has none. */
export function FaultPanel() {
  const { t } = useTranslation('admin-operations');
  const client = useQueryClient();
  const faults = useQuery(faultsQuery);
  const [message, setMessage] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: faultsQuery.queryKey });
  const clear = useMutation({
    mutationFn: faultCommands.clear,
    onSuccess: () => {
      setMessage(t('faults.cleared'));
      refresh();
    },
    onError: () => setMessage(t('faults.error')),
  });
  const services = faults.data?.services ?? [];
  if (services.length === 0) return null;
  const active = services.filter((s) => s.active).length;
  return (
    <section className="ops-faults" aria-labelledby="ops-faults-title" data-testid="fault-panel">
      <header className="section-head ops-faults__head">
        <div>
          <h2 id="ops-faults-title">{t('faults.title')}</h2>
          <p className="ops-muted">{t('faults.hint')}</p>
        </div>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={active === 0 || clear.isPending}
          onClick={() => clear.mutate()}
        >
          {t('faults.clearAll')}
        </button>
      </header>
      <p className="ops-muted" aria-live="polite">
        {message || t('faults.activeCount', { count: active })}
      </p>
      <ul className="ops-faults__list">
        {services.map((state) => (
          <FaultRow
            key={`${state.service}-${state.version}`}
            state={state}
            onSaved={(text) => {
              setMessage(text);
              refresh();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function FaultRow({ state, onSaved }: { state: FaultState; onSaved: (message: string) => void }) {
  const { t } = useTranslation('admin-operations');
  // Keyed by version: a change made elsewhere (another admin, a test) resets the inputs to it.
  const [draft, setDraft] = useState<FaultFlags>({
    failPercent: state.failPercent,
    latencyMs: state.latencyMs,
    unreachable: state.unreachable,
  });
  const save = useMutation({
    mutationFn: (flags: FaultFlags) => faultCommands.set(state.service, flags),
    onSuccess: () => onSaved(t('faults.saved', { service: state.service })),
    onError: () => onSaved(t('faults.error')),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const id = `fault-${state.service}`;
  const status = !state.active ? 'off' : state.applied ? 'on' : 'pending';
  return (
    <li
      className={`ops-fault${state.active ? ' ops-fault--active' : ''}`}
      data-testid={`fault-${state.service}`}
    >
      <form className="ops-fault__form" onSubmit={submit} aria-labelledby={`${id}-name`}>
        <div className="ops-fault__name">
          <strong id={`${id}-name`}>{state.service}</strong>
          <span className={`ops-badge ops-badge--fault-${status}`}>
            <span className="ops-badge__dot" aria-hidden="true" />
            {t(`faults.state.${status}`)}
          </span>
        </div>
        <label className="ops-fault__check">
          <input
            type="checkbox"
            name="unreachable"
            checked={draft.unreachable}
            onChange={(event) => setDraft({ ...draft, unreachable: event.target.checked })}
          />
          {t('faults.unreachable')}
        </label>
        {NUMBERS.map(({ name, max, step }) => (
          <label key={name} className="ops-fault__number">
            <span>{t(`faults.${name}`)}</span>
            <input
              className="input"
              type="number"
              name={name}
              min={0}
              max={max}
              step={step}
              required
              value={draft[name]}
              onChange={(event) => setDraft({ ...draft, [name]: event.target.valueAsNumber || 0 })}
            />
          </label>
        ))}
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('faults.apply')}
        </button>
      </form>
    </li>
  );
}

/** The badge a service card shows while any of its faults is on. */
export function FaultBadge({ state }: { state: FaultState | undefined }) {
  const { t } = useTranslation('admin-operations');
  if (!state?.active) return null;
  const parts = [
    state.unreachable ? t('faults.summary.unreachable') : null,
    state.failPercent > 0 ? t('faults.summary.fail', { percent: state.failPercent }) : null,
    state.latencyMs > 0 ? t('faults.summary.latency', { ms: state.latencyMs }) : null,
  ].filter(Boolean);
  return (
    <span className="ops-badge ops-badge--fault-on" data-testid={`fault-badge-${state.service}`}>
      <span className="ops-badge__dot" aria-hidden="true" />
      {t('faults.badge', { what: parts.join(' · ') })}
    </span>
  );
}
