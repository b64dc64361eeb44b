import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../components/Field.tsx';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { FormSkeleton } from '../account/ProfilePage.tsx';
import { mailboxQuery, type MailSource } from './api.ts';

/** A mail body with its links clickable: site paths open in the app, full URLs in a new tab. */
function MailBody({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/\S+|\/[a-z-]+\?token=[\w-]+)/g);
  return (
    <pre className="cab-mail">
      {parts.map((part, i) =>
        part.startsWith('/') ? (
          <Link key={i} to={part} data-testid="mail-link">
            {part}
          </Link>
        ) : part.startsWith('http') ? (
          <a key={i} href={part} target="_blank" rel="noreferrer" data-testid="mail-link">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/** The local mailbox: mail users sent while no SMTP server is configured (embedded mode). */
export function MailboxPage() {
  const { t, i18n } = useTranslation('adminUsers');
  useDocumentTitle(t('mailbox.title'));
  const [filters, setFilters] = useState<{ to: string; page: number; source: MailSource }>({
    to: '',
    page: 1,
    source: 'accounts',
  });
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery(mailboxQuery(filters));
  return (
    <section className="panel cab-wide">
      <h2 className="panel__title">{t('mailbox.title')}</h2>
      <p className="cab-muted">{t('mailbox.intro')}</p>
      <div className="cab-filters" role="group" aria-label={t('mailbox.source')}>
        {(['accounts', 'orders'] as const).map((source) => (
          <button
            key={source}
            type="button"
            className={filters.source === source ? 'btn btn--primary' : 'btn btn--ghost'}
            aria-pressed={filters.source === source}
            data-testid={`mail-source-${source}`}
            onClick={() => setFilters({ ...filters, source, page: 1 })}
          >
            {t(`mailbox.${source}`)}
          </button>
        ))}
      </div>
      <form
        className="cab-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...filters, to: typed.trim(), page: 1 });
        }}
      >
        <TextField
          label={t('mailbox.to')}
          name="to"
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="btn btn--primary">
          {t('users.find')}
        </button>
      </form>
      {list.isPending && <FormSkeleton rows={4} />}
      {list.isError && (
        <ErrorState title={t('mailbox.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      )}
      {list.data?.items.length === 0 && <EmptyState title={t('mailbox.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <ul className="cab-cards" data-testid="mailbox">
          {list.data.items.map((mail) => (
            <li key={mail.id} className="cab-card" data-testid="mail" data-to={mail.to}>
              <div className="cab-card__main" style={{ width: '100%' }}>
                <button
                  type="button"
                  className="btn btn--ghost"
                  aria-expanded={open === mail.id}
                  onClick={() => setOpen(open === mail.id ? null : mail.id)}
                >
                  {mail.subject}
                </button>
                <p className="cab-muted">
                  {mail.to} ·{' '}
                  {new Date(mail.createdAt).toLocaleString(i18n.language, {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  })}
                  {mail.sentAt !== undefined && (
                    <> · {mail.sentAt ? t('mailbox.sent') : t('mailbox.queued')}</>
                  )}
                </p>
                {open === mail.id && <MailBody body={mail.body} />}
              </div>
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
