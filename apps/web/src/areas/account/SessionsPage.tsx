import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmButton } from '../../components/Confirm.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useLogout } from '../../auth/useLogout.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { keys, sessionsQuery } from './api.ts';
import { FormSkeleton } from './ProfilePage.tsx';

/** A short device name from a user agent ("Chrome on Android"). */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 40);
}

/** Signed-in devices: when each was last used; sign one out, or every one. */
export function SessionsPage() {
  const { t, i18n } = useTranslation('account');
  useDocumentTitle(t('sessions.title'));
  const toast = useToast();
  const client = useQueryClient();
  const logout = useLogout();
  const list = useQuery(sessionsQuery);
  const end = useMutation({
    mutationFn: (id: string) => api.delete(`/me/sessions/${id}`),
    onSuccess: async () => {
      toast.ok(t('sessions.ended'));
      await client.invalidateQueries({ queryKey: keys.sessions });
    },
    onError: (error) => toast.error(error),
  });
  const everywhere = useMutation({
    mutationFn: () => api.post('/me/sessions/sign-out-everywhere'),
    onSuccess: () => logout(),
    onError: (error) => toast.error(error),
  });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="panel cab-wide">
      <div className="cab-head">
        <h1 className="panel__title">{t('sessions.title')}</h1>
        <ConfirmButton
          label={t('sessions.everywhere')}
          question={t('sessions.everywhereQuestion')}
          confirmLabel={t('sessions.everywhere')}
          onConfirm={() => everywhere.mutate()}
          className="btn btn--danger"
        />
      </div>
      {list.isPending && <FormSkeleton rows={2} />}
      {list.isError && (
        <ErrorState title={t('sessions.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      )}
      {list.data && (
        <ul className="cab-cards" data-testid="session-list">
          {list.data.map((session) => (
            <li key={session.id} className="cab-card">
              <div className="cab-card__main">
                <p className="cab-card__title">
                  {deviceOf(session.userAgent)}
                  {session.current && <span className="chip cab-chip--brand">{t('sessions.current')}</span>}
                </p>
                <p className="cab-muted">
                  {t('sessions.lastUsed', { when: when(session.lastUsedAt) })}
                  {session.ip ? ` · ${session.ip}` : ''}
                </p>
                <p className="cab-muted">{t('sessions.started', { when: when(session.createdAt) })}</p>
              </div>
              {!session.current && (
                <div className="cab-card__actions">
                  <ConfirmButton
                    label={t('sessions.end')}
                    question={t('sessions.endQuestion')}
                    confirmLabel={t('sessions.end')}
                    onConfirm={() => end.mutate(session.id)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
