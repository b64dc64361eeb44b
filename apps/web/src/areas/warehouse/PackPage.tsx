import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockCommands, stockQueries, type PickTask } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** Packing: weigh and measure the box, say which picked units go in, and get the packing slip. */
export function PackPage() {
  const { t } = useTranslation('warehouse');
  const { id = '' } = useParams();
  const task = useQuery(stockQueries.task(id));
  useDocumentTitle(t('pack.title', { number: task.data?.orderNumber ?? '' }));
  if (task.isPending) return <ListSkeleton rows={2} />;
  if (task.error)
    return (
      <ErrorState title={t('common.loadError')} error={task.error} onRetry={() => void task.refetch()} />
    );
  return <PackForm task={task.data} />;
}

function PackForm({ task }: { task: PickTask }) {
  const { t } = useTranslation('warehouse');
  const client = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const waiting = task.lines.filter((line) => line.picked > line.packed);
  const [size, setSize] = useState({ weightGrams: '', l: '', w: '', h: '' });
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(waiting.map((line) => [line.lineId, String(line.picked - line.packed)])),
  );
  const pack = useMutation({
    mutationFn: () =>
      stockCommands.pack(task.id, {
        weightGrams: Number(size.weightGrams),
        dimensionsCm: { l: Number(size.l), w: Number(size.w), h: Number(size.h) },
        lines: waiting
          .map((line) => ({ lineId: line.lineId, quantity: Number(counts[line.lineId] ?? 0) }))
          .filter((line) => line.quantity > 0),
      }),
    onSuccess: (parcel) => {
      void client.invalidateQueries({ queryKey: ['stock'] });
      toast.ok(t('pack.created', { code: parcel.code }));
      void navigate(`/warehouse/parcels/${parcel.code}`);
    },
    onError: (error) => toast.error(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    pack.mutate();
  };
  const number = (key: keyof typeof size, label: string) => (
    <TextField
      label={label}
      name={key}
      type="number"
      inputMode="numeric"
      min={1}
      required
      value={size[key]}
      onChange={(event) => setSize((s) => ({ ...s, [key]: event.target.value }))}
    />
  );

  return (
    <section aria-labelledby="pack-title">
      <header className="wh-head">
        <Link to={`/warehouse/tasks/${task.id}`} className="wh-link">
          ← {t('common.back')}
        </Link>
        <h1 id="pack-title" className="wh-title">
          {t('pack.title', { number: task.orderNumber || task.orderId.slice(-8) })}
        </h1>
      </header>
      {waiting.length === 0 ? (
        <EmptyState icon="box" title={t('pack.nothing')} />
      ) : (
        <form className="wh-form" onSubmit={onSubmit} data-testid="pack-form">
          {number('weightGrams', t('pack.weight'))}
          <fieldset className="wh-fieldset">
            <legend className="field__label">{t('pack.dimensions')}</legend>
            <div className="wh-grid3">
              {number('l', t('pack.length'))}
              {number('w', t('pack.width'))}
              {number('h', t('pack.height'))}
            </div>
          </fieldset>
          <fieldset className="wh-fieldset">
            <legend className="field__label">{t('pack.lines')}</legend>
            {waiting.map((line) => (
              <div key={line.lineId} className="wh-card wh-card--tight">
                <p>
                  <strong className="wh-sku">{line.sku}</strong> {line.title}
                </p>
                <TextField
                  label={t('pack.quantityOf', { sku: line.sku })}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.picked - line.packed}
                  value={counts[line.lineId] ?? ''}
                  onChange={(event) => setCounts((c) => ({ ...c, [line.lineId]: event.target.value }))}
                />
              </div>
            ))}
          </fieldset>
          <button type="submit" className="btn btn--primary btn--large btn--full" disabled={pack.isPending}>
            {pack.isPending ? t('common.saving') : t('pack.submit')}
          </button>
        </form>
      )}
      {task.parcels.length > 0 && (
        <>
          <h2 className="wh-subtitle">{t('pack.parcels')}</h2>
          <ul className="wh-list">
            {task.parcels.map((parcel) => (
              <li key={parcel.id}>
                <Link to={`/warehouse/parcels/${parcel.code}`} className="wh-link">
                  {parcel.code}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
