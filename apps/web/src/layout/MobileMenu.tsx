import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { visibleNav } from '../app/nav.ts';
import { useLogout } from '../auth/useLogout.ts';
import { useSession } from '../auth/useSession.ts';
import { Icon } from '../components/Icon.tsx';
import { Logo } from '../components/Logo.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import './drawer.css';

/** The phone menu: a modal side drawer (native <dialog>: focus trap, Escape, inert page for free). */
export function MobileMenu({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="drawer"
      aria-label={t('nav.menu')}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
    >
      <div className="drawer__panel">
        <div className="drawer__head">
          <Logo />
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('nav.closeMenu')}>
            <Icon name="close" />
          </button>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul className="drawer__list">
            {visibleNav(user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="drawer__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {user ? (
              <li>
                <NavLink to="/account" className="drawer__link">
                  {t('nav.account')}
                </NavLink>
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/login" className="drawer__link">
                    {t('nav.login')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/register" className="drawer__link">
                    {t('nav.register')}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="drawer__settings">
          <LanguageSwitcher className="language-switcher--wide" />
          <ThemeToggle withLabel />
          {user && (
            <button type="button" className="btn btn--ghost btn--block-start" onClick={() => void logout()}>
              <Icon name="logout" />
              <span>{t('account.logout')}</span>
            </button>
          )}
        </div>
        <p className="drawer__foot">
          <Link to="/" className="drawer__tagline">
            {t('app.tagline')}
          </Link>
        </p>
      </div>
    </dialog>
  );
}
