import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Icon } from '../components/Icon.tsx';

/** The header's product search; submitting opens the catalog with `q` in the URL. */
export function SearchBox({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState(initial);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = value.trim();
    void navigate(q ? `/products?${new URLSearchParams({ q }).toString()}` : '/products');
  }

  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('header.searchLabel')}
      </label>
      <Icon name="search" size={18} className="search__icon" />
      <input
        id={id}
        name="q"
        type="search"
        className="search__input"
        placeholder={t('header.searchPlaceholder')}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        autoComplete="off"
        enterKeyHint="search"
        data-testid="search-input"
      />
      <button type="submit" className="search__submit">
        {t('header.searchSubmit')}
      </button>
    </form>
  );
}
