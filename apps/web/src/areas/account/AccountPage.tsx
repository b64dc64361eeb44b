import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES, type Role, type User } from '../../api/types.ts';
import { workspacesOf } from '../../app/nav.ts';
import { useLogout } from '../../auth/useLogout.ts';
import { useSession } from '../../auth/useSession.ts';
import { Icon } from '../../components/Icon.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { LANGUAGES, type Language } from '../../i18n/languages.ts';
import { initialsOf } from '../../lib/initials.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import './account.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { meQuery } from './api.ts';

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);
const isLanguage = (value: string | undefined): value is Language =>
  (LANGUAGES as readonly (string | undefined)[]).includes(value);

/** The signed-in user's cabinet: who they are, their workspaces, and sign-out. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('account.title'));
  // RequireAuth renders this page only with a user; the guard keeps the type honest.
  if (!user) return null;
  return (
    <div className="account">
      <h1 className="visually-hidden">{t('account.title')}</h1>
      <section className="account__hero">
        <span className="avatar avatar--large" aria-hidden="true">
          {initialsOf(user.name)}
        </span>
        <div>
          <p className="account__greeting" data-testid="account-greeting">
            {t('account.greeting', { name: user.name })}
          </p>
          <p className="account__email">{user.email}</p>
        </div>
      </section>
      <VerificationNotice />
      <div className="account__grid">
        <Profile user={user} />
        <Workspaces user={user} />
      </div>
    </div>
  );
}

function Profile({ user }: { user: User }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const locale = user.locale?.split('-')[0];
  return (
    <section className="panel">
      <h2 className="panel__title">{t('account.profile')}</h2>
      <dl className="details">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('account.roles')}</dt>
          <dd>
            <ul className="chips">
              {user.roles.map((role) => (
                <li key={role} className="chip">
                  {isRole(role) ? t(`roles.${role}`) : role}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('account.language')}</dt>
          <dd>{isLanguage(locale) ? t(`languages.${locale}`) : (user.locale ?? t('account.notSet'))}</dd>
        </div>
        <div>
          <dt>{t('account.currency')}</dt>
          <dd>{user.currency ?? t('account.notSet')}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="btn btn--danger"
        onClick={() => void logout()}
        data-testid="logout-button"
      >
        <Icon name="logout" size={18} />
        {t('account.logout')}
      </button>
    </section>
  );
}

function Workspaces({ user }: { user: User }) {
  const { t } = useTranslation();
  const areas = workspacesOf(user);
  if (areas.length === 0) return null;
  return (
    <section className="panel">
      <h2 className="panel__title">{t('account.workspaces')}</h2>
      <ul className="workspaces">
        {areas.map((area) => (
          <li key={area.to}>
            <Link to={area.to} className="workspaces__link">
              <Icon name="store" />
              {t(area.label)}
              <Icon name="chevronRight" size={18} className="workspaces__chevron" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Asks to confirm the email until it is, with a button that mails a new link. */
function VerificationNotice() {
  const { t } = useTranslation('account');
  const toast = useToast();
  const me = useQuery(meQuery);
  const resend = useMutation({
    mutationFn: () => api.post('/me/email-verification'),
    onSuccess: () => toast.ok(t('overview.verificationSent')),
    onError: (error) => toast.error(error),
  });
  if (!me.data || me.data.emailVerified) return null;
  return (
    <div className="cab-notice" role="status" data-testid="verify-notice">
      <p>{t('overview.verifyEmail', { email: me.data.email })}</p>
      <button
        type="button"
        className="btn btn--secondary"
        onClick={() => resend.mutate()}
        disabled={resend.isPending}
      >
        {t('overview.resend')}
      </button>
    </div>
  );
}
