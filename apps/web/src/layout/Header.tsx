import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { visibleNav } from '../app/nav.ts';
import { useSession } from '../auth/useSession.ts';
import { Icon } from '../components/Icon.tsx';
import { Logo } from '../components/Logo.tsx';
import { MiniCart } from '../areas/cart/MiniCart.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { HeaderNav } from './HeaderNav.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MobileMenu } from './MobileMenu.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import './header.css';

/** The sticky site header: logo, navigation, search, language, theme and account. */
export function Header() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [location.key]);

  const inCatalog = location.pathname === '/' || location.pathname === '/products';
  const q = inCatalog ? (params.get('q') ?? '') : '';

  return (
    <header className="header">
      <div className="header__bar container">
        <button
          type="button"
          className="icon-button header__menu-button"
          onClick={() => setMenuOpen(true)}
          aria-label={t('nav.openMenu')}
          aria-expanded={menuOpen}
        >
          <Icon name="menu" />
        </button>
        <Link to="/" className="header__logo" aria-label={t('header.home')}>
          <Logo />
        </Link>
        <HeaderNav items={visibleNav(user)} />
        <div className="header__search">
          <SearchBox key={q} initial={q} />
        </div>
        <div className="header__actions">
          <LanguageSwitcher className="hide-below-md" />
          <span className="hide-below-md">
            <ThemeToggle />
          </span>
          <MiniCart />
          <AccountMenu />
        </div>
      </div>
      <MobileMenu open={menuOpen} onClose={() => setMenuOpen(false)} />
    </header>
  );
}
