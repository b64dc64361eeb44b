import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.tsx';
import { useTheme } from '../lib/theme.ts';

/** Switches between the light and dark theme; shows the theme it switches to. */
export function ThemeToggle({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const { theme, toggle } = useTheme();
  const label = theme === 'dark' ? t('header.themeToLight') : t('header.themeToDark');
  return (
    <button
      type="button"
      className={withLabel ? 'btn btn--ghost btn--block-start' : 'icon-button'}
      onClick={toggle}
      aria-label={withLabel ? undefined : label}
      title={label}
    >
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      {withLabel && <span>{label}</span>}
    </button>
  );
}
