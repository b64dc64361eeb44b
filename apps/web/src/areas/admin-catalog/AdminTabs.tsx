import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Links between the admin catalog pages. */
export function AdminTabs() {
  const { t } = useTranslation('adminCatalog');
  return (
    <nav className="sc-tabs" aria-label={t('tabs.label')}>
      <NavLink to="/admin/catalog" end className="sc-tabs__tab">
        {t('tabs.categories')}
      </NavLink>
      <NavLink to="/admin/catalog/moderation" className="sc-tabs__tab">
        {t('tabs.moderation')}
      </NavLink>
      <NavLink to="/admin/catalog/rates" className="sc-tabs__tab">
        {t('tabs.rates')}
      </NavLink>
    </nav>
  );
}
