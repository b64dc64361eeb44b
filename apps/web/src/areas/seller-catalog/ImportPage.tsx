import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { sellerCatalogApi, type ImportJob } from './api.ts';
import { useErrorText, useNotify } from './ui.tsx';

const TEMPLATE = `handle,title,description,brand,category,sku,price,compare_at,size,colour,weight_grams,status,title_ru,description_ru,title_kk,description_kk
tee,Linen tee,Summer linen tee,Aru,clothing,TEE-S,12490,15000,S,White,180,active,Льняная футболка,,Зығыр футболка,
tee,Linen tee,,Aru,clothing,TEE-M,12490,15000,M,White,190,active,,,,
`;

/** Bulk import from CSV: upload, watch the progress, read the report row by row. */
export function ImportPage() {
  const { t } = useTranslation('sellerCatalog');
  useDocumentTitle(t('import.title'));
  const inputId = useId();
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (file: File) => sellerCatalogApi.startImport(file),
    onSuccess: (job) => {
      setJobId(job.id);
      notify(t('import.started'));
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  const job = useQuery({
    queryKey: ['seller-catalog', 'import', jobId],
    queryFn: ({ signal }) => sellerCatalogApi.importJob(jobId ?? '', signal),
    enabled: jobId !== null,
    // Poll while the worker runs; stop once the job is finished.
    refetchInterval: (query) =>
      query.state.data && ['done', 'failed'].includes(query.state.data.status) ? false : 700,
  });
  const recent = useQuery({
    queryKey: ['seller-catalog', 'imports'],
    queryFn: ({ signal }) => sellerCatalogApi.imports(signal),
  });
  const finished = job.data?.status === 'done';
  useEffect(() => {
    // New products exist once the job is done: the product list and the recent imports are stale.
    if (finished) void client.invalidateQueries({ queryKey: ['seller-catalog'] });
  }, [finished, client]);
  return (
    <section aria-labelledby="sc-import-title" className="sc-import">
      <header className="sc-head">
        <div>
          <h1 id="sc-import-title" className="sc-title">
            {t('import.title')}
          </h1>
          <p className="sc-muted">{t('import.lead')}</p>
        </div>
        <Link to="/seller/products" className="btn btn--ghost">
          {t('editor.back')}
        </Link>
      </header>
      <div className="sc-fieldset">
        <p>{t('import.columns')}</p>
        <a
          className="btn btn--ghost"
          download="sauda-products.csv"
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
        >
          {t('import.template')}
        </a>
        <label htmlFor={inputId} className="btn btn--primary sc-upload">
          {start.isPending ? t('import.uploading') : t('import.choose')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          data-testid="csv-input"
          disabled={start.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) start.mutate(file);
          }}
        />
      </div>
      {job.data && <JobReport job={job.data} />}
      {recent.data && recent.data.items.length > 0 && (
        <section className="sc-fieldset" aria-label={t('import.recent')}>
          <h2 className="sc-subtitle">{t('import.recent')}</h2>
          <ul className="sc-recent">
            {recent.data.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="btn btn--ghost" onClick={() => setJobId(item.id)}>
                  <RecentLine job={item} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function RecentLine({ job }: { job: ImportJob }) {
  const { t } = useTranslation('sellerCatalog');
  const { date } = useLocale();
  return (
    <>
      {t('import.recentLine', {
        date: date(job.createdAt),
        created: job.createdCount,
        errors: job.errorCount,
        status: t(`import.status.${job.status}`),
      })}
    </>
  );
}

function JobReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation('sellerCatalog');
  const percent = job.totalRows === 0 ? 100 : Math.round((job.processedRows / job.totalRows) * 100);
  return (
    <section className="sc-fieldset" aria-live="polite" data-testid="import-report">
      <h2 className="sc-subtitle">{t(`import.status.${job.status}`)}</h2>
      <ProgressBar label={t('import.progress')} value={percent} />
      <p>
        {t('import.summary', {
          processed: job.processedRows,
          total: job.totalRows,
          created: job.createdCount,
          errors: job.errorCount,
        })}
      </p>
      {job.errors.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="import-errors">
            <caption className="visually-hidden">{t('import.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((error, index) => (
                <tr key={`${error.row}-${error.field}-${index}`}>
                  <td>{error.row}</td>
                  <td>{error.field}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
