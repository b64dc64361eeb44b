import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockCommands, stockQueries, type ReturnInspection } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** Returns desk: scan a returned parcel, then restock or write off each unit. */
export function ReturnsPage() {
  const { t } = useTranslation('warehouse');
  useDocumentTitle(t('returns.title'));
  const client = useQueryClient();
  const toast = useToast();
  const returns = useQuery(stockQueries.returns());
  const [code, setCode] = useState('');
  const register = useMutation({
    mutationFn: () => stockCommands.registerReturn(code.trim()),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['stock', 'returns'] });
      toast.ok(t('returns.registered'));
      setCode('');
    },
    onError: (error) => toast.error(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <section aria-labelledby="returns-title">
      <h1 id="returns-title" className="wh-title">
        {t('returns.title')}
      </h1>
      <form className="card wh-card wh-form" onSubmit={onSubmit}>
        <h2 className="wh-subtitle">{t('returns.register')}</h2>
        <TextField
          label={t('returns.code')}
          placeholder={t('returns.codePlaceholder')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoCapitalize="characters"
          spellCheck={false}
          required
          minLength={3}
        />
        <button type="submit" className="btn btn--primary" disabled={register.isPending}>
          {t('returns.submit')}
        </button>
      </form>
      <h2 className="wh-subtitle">{t('returns.list')}</h2>
      {returns.isPending ? (
        <ListSkeleton rows={2} />
      ) : returns.error ? (
        <ErrorState
          title={t('common.loadError')}
          error={returns.error}
          onRetry={() => void returns.refetch()}
        />
      ) : returns.data.length === 0 ? (
        <EmptyState icon="box" title={t('returns.empty')} />
      ) : (
        <ul className="wh-list">
          {returns.data.map((item) => (
            <ReturnCard key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReturnCard({ item }: { item: ReturnInspection }) {
  const { t } = useTranslation('warehouse');
  const client = useQueryClient();
  const toast = useToast();
  const [verdict, setVerdict] = useState(() =>
    Object.fromEntries(
      item.lines.map((line) => [line.lineId, { restock: String(line.quantity), writeOff: '0' }]),
    ),
  );
  const lines = item.lines.map((line) => ({
    lineId: line.lineId,
    restock: Number(verdict[line.lineId]?.restock ?? 0),
    writeOff: Number(verdict[line.lineId]?.writeOff ?? 0),
  }));
  const inspect = useMutation({
    mutationFn: () => stockCommands.inspect(item.id, lines),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['stock', 'returns'] });
      toast.ok(t('returns.inspectedToast'));
    },
    onError: (error) => toast.error(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const writtenOff = lines.reduce((sum, line) => sum + line.writeOff, 0);
    // Writing off cannot be undone from this screen, so it asks first.
    if (writtenOff > 0 && !window.confirm(t('returns.confirmWriteOff', { count: writtenOff }))) return;
    inspect.mutate();
  };
  const set = (lineId: string, key: 'restock' | 'writeOff', value: string) =>
    setVerdict((v) => ({ ...v, [lineId]: { restock: '0', writeOff: '0', ...v[lineId], [key]: value } }));
  return (
    <li className="card wh-card">
      <div className="wh-card__row">
        <strong className="wh-sku">{item.parcelCode}</strong>
        <span className={`wh-badge wh-badge--${item.status === 'awaiting' ? 'open' : 'packed'}`}>
          {t(`returns.${item.status}`)}
        </span>
      </div>
      {item.status === 'inspected' ? (
        <ul>
          {item.lines.map((line) => (
            <li key={line.lineId} className="wh-muted">
              {line.sku}:{' '}
              {t('returns.lineSummary', { restocked: line.restocked, writtenOff: line.writtenOff })}
            </li>
          ))}
        </ul>
      ) : (
        <form className="wh-form" onSubmit={onSubmit}>
          {item.lines.map((line) => (
            <fieldset key={line.lineId} className="wh-fieldset">
              <legend>
                <span className="wh-sku">{line.sku}</span> {line.title} ·{' '}
                {t('common.units', { count: line.quantity })}
              </legend>
              <div className="wh-grid2">
                <TextField
                  label={t('returns.restock')}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.quantity}
                  value={verdict[line.lineId]?.restock ?? ''}
                  onChange={(event) => set(line.lineId, 'restock', event.target.value)}
                />
                <TextField
                  label={t('returns.writeOff')}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.quantity}
                  value={verdict[line.lineId]?.writeOff ?? ''}
                  onChange={(event) => set(line.lineId, 'writeOff', event.target.value)}
                />
              </div>
            </fieldset>
          ))}
          <button type="submit" className="btn btn--primary" disabled={inspect.isPending}>
            {t('returns.inspect')}
          </button>
        </form>
      )}
    </li>
  );
}
