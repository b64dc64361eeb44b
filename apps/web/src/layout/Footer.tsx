import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Logo } from '../components/Logo.tsx';

/** The site footer. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <div className="container footer__inner">
        <Logo />
        <p className="footer__text">{t('footer.text')}</p>
        <Link to="/track" className="footer__link">
          {t('nav.areas.tracking')}
        </Link>
        <p className="footer__rights">{t('footer.rights', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
