import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.tsx';
import { LANGUAGES, toLanguage } from '../i18n/languages.ts';

/** A native select of the app's languages; the choice is saved for the next visit by the detector. */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = toLanguage(i18n.resolvedLanguage);
  return (
    <div className={`language-switcher ${className}`}>
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <Icon name="globe" size={18} className="language-switcher__icon" />
      <select
        id={id}
        className="language-switcher__select"
        value={current}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
