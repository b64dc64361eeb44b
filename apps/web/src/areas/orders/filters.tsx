import { useTranslation } from 'react-i18next';
import { useStatusLabel } from './parts.tsx';

/** Status filter chips (a scrolling strip on phones); '' means every status. */
export function StatusFilter<S extends string>({
  statuses,
  value,
  onChange,
}: {
  statuses: ReadonlyArray<S | ''>;
  value: S | '';
  onChange: (status: S | '') => void;
}) {
  const { t } = useTranslation('orders');
  const label = useStatusLabel();
  return (
    <div className="od-filters" role="group" aria-label={t('list.filter')}>
      {statuses.map((status) => (
        <button
          key={status || 'all'}
          type="button"
          className="od-filter"
          aria-pressed={value === status}
          onClick={() => onChange(status)}
        >
          {status ? label(status) : t('list.all')}
        </button>
      ))}
    </div>
  );
}
