import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { TrackSearch } from './TrackSearch.tsx';
import './tracking.css';

/** `/track`: the public search box. */
export function TrackSearchPage() {
  const { t } = useTranslation('tracking');
  useDocumentTitle(t('search.title'));
  return (
    <section className="container page trk trk--search" aria-labelledby="trk-title">
      <span className="trk-hero-icon" aria-hidden="true">
        <Icon name="truck" size={34} />
      </span>
      <h1 id="trk-title" className="trk-title">
        {t('search.title')}
      </h1>
      <p className="trk-muted">{t('search.lead')}</p>
      <TrackSearch autoFocus />
    </section>
  );
}
