import type { ReturnRequest, ReturnStatus } from '@sauda/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import type { Page } from './api.ts';
import { StatusFilter } from './filters.tsx';
import { ListSkeleton } from './OrdersPage.tsx';
import { ReturnCard } from './parts.tsx';

const STATUSES: ReadonlyArray<ReturnStatus | ''> = [
  'requested',
  'approved',
  'in_transit',
  'received',
  'refunded',
  'rejected',
  '',
];

type QueueProps = Parameters<typeof ReturnsQueue>[0];

/** The returns queue as a page of its own (seller and admin areas): a way back, the title, the queue. */
export function ReturnsQueuePage({
  back,
  title,
  subtitle,
  ...queue
}: QueueProps & { back: { to: string; label: string }; title: string; subtitle: string }) {
  useDocumentTitle(title);
  return (
    <div className="od-page od-narrow">
      <nav className="od-crumbs">
        <Link to={back.to}>{back.label}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1>{title}</h1>
          <p className="od-muted">{subtitle}</p>
        </div>
      </header>
      <ReturnsQueue {...queue} />
    </div>
  );
}

/** Return requests to decide (seller's own, or every one for an admin): approve, or reject with a note. */
export function ReturnsQueue({
  scope,
  load,
  approve,
  reject,
}: {
  scope: 'seller' | 'admin';
  load: (status: ReturnStatus | '') => Promise<Page<ReturnRequest>>;
  approve: (id: string) => Promise<unknown>;
  reject: (id: string, note: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('orders');
  const toast = useToast();
  const client = useQueryClient();
  const [status, setStatus] = useState<ReturnStatus | ''>('requested');
  const [rejecting, setRejecting] = useState<ReturnRequest | null>(null);
  const key = ['orders', 'returns', scope, status];
  const list = useQuery({ queryKey: key, queryFn: () => load(status), placeholderData: keepPreviousData });
  const refresh = () => client.invalidateQueries({ queryKey: ['orders', 'returns', scope] });
  const decide = useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      note === undefined ? approve(id) : reject(id, note),
    onSuccess: async (_, { note }) => {
      toast.ok(note === undefined ? t('queue.approved') : t('queue.rejected'));
      setRejecting(null);
      await refresh();
    },
    onError: (error) => toast.error(error),
  });
  return (
    <>
      <StatusFilter statuses={STATUSES} value={status} onChange={setStatus} />
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState title={t('queue.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('queue.empty')}>{t('queue.emptyText')}</EmptyState>
      ) : (
        <div className="od-main" data-testid="returns-queue">
          {list.data.items.map((request) => (
            <ReturnCard
              key={request.id}
              request={request}
              actions={
                request.status === 'requested' && (
                  <div className="od-dialog__actions">
                    <button
                      type="button"
                      className="btn btn--ghost od-danger"
                      disabled={decide.isPending}
                      onClick={() => setRejecting(request)}
                    >
                      {t('queue.reject')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--primary"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ id: request.id })}
                      data-testid="approve-return"
                    >
                      {t('queue.approve')}
                    </button>
                  </div>
                )
              }
            />
          ))}
        </div>
      )}
      <RejectDialog
        request={rejecting}
        pending={decide.isPending}
        onReject={(note) => rejecting && decide.mutate({ id: rejecting.id, note })}
        onClose={() => setRejecting(null)}
      />
    </>
  );
}

function RejectDialog({
  request,
  pending,
  onReject,
  onClose,
}: {
  request: ReturnRequest | null;
  pending: boolean;
  onReject: (note: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('orders');
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [note, setNote] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) {
      setNote('');
      element.showModal();
    }
    if (!request && element.open) element.close();
  }, [request]);
  return (
    <dialog ref={dialog} className="od-dialog" onClose={onClose} aria-labelledby={`${id}-title`}>
      <form
        className="od-dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim()) onReject(note.trim());
        }}
      >
        <h2 id={`${id}-title`} className="od-h2">
          {t('queue.rejectTitle', { number: request?.orderNumber ?? '' })}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('queue.note')}
          </label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={3}
            maxLength={500}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="od-dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            {t('queue.close')}
          </button>
          <button type="submit" className="btn btn--danger" disabled={pending || !note.trim()}>
            {t('queue.reject')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
