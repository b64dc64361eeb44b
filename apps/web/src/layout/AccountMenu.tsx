import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { User } from '../api/types.ts';
import { useLogout } from '../auth/useLogout.ts';
import { useSession } from '../auth/useSession.ts';
import { Icon } from '../components/Icon.tsx';
import { workspacesOf } from '../app/nav.ts';
import { initialsOf } from '../lib/initials.ts';
import { useDismiss } from '../lib/useDismiss.ts';
import './account-menu.css';

/** Sign-in links for visitors; for a signed-in user, a menu with the account, workspaces and sign-out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { status, user } = useSession();
  const location = useLocation();

  if (status === 'restoring') return <span className="account-placeholder" aria-hidden="true" />;
  if (user) return <UserMenu user={user} />;

  const onAuthPage = location.pathname === '/login' || location.pathname === '/register';
  const next = onAuthPage ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <div className="auth-links">
      <Link to={`/login${next}`} className="btn btn--ghost auth-links__login">
        <Icon name="user" size={18} />
        <span>{t('nav.login')}</span>
      </Link>
      <Link to="/register" className="btn btn--primary hide-below-md">
        {t('nav.register')}
      </Link>
    </div>
  );
}

function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Closed by a pick, Escape or a click outside — not by any navigation: a late redirect or a
  // search-parameter update after opening must not snatch the menu away from the user.
  const close = () => setOpen(false);

  useDismiss(open, setOpen, root, button);

  // The account page has its own sign-out button; keep `logout-button` unique on the page for tests.
  const logoutTestId = location.pathname === '/account' ? 'account-menu-logout' : 'logout-button';
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;

  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="account-menu"
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(user.name)}
        </span>
        <span className="visually-hidden">{t('header.accountMenu')}: </span>
        <span className="account-menu__name">{firstName}</span>
        <Icon name="chevronDown" size={16} className="account-menu__chevron" />
      </button>
      {open && (
        <div id={panelId} className="account-menu__panel">
          <p className="account-menu__who">
            {t('header.signedInAs')}
            <strong>{user.email}</strong>
          </p>
          <ul className="account-menu__list">
            <li>
              <Link to="/account" className="account-menu__item" onClick={close}>
                <Icon name="user" size={18} />
                {t('nav.account')}
              </Link>
            </li>
            {workspacesOf(user).map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="account-menu__item" onClick={close}>
                  <Icon name="store" size={18} />
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="account-menu__item account-menu__logout"
            onClick={() => {
              close();
              void logout();
            }}
            data-testid={logoutTestId}
          >
            <Icon name="logout" size={18} />
            {t('account.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
