import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SuggestList, suggestionHref, useSuggestions } from '../areas/storefront/SuggestList.tsx';
import { Icon } from '../components/Icon.tsx';

/** The header's product search; submitting opens the catalog with `q` in the URL. */
export function SearchBox({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestions(value);
  const showList = open && suggestions.length > 0;
  const listId = `${id}-suggestions`;

  function pick(href: string) {
    setOpen(false);
    setActive(-1);
    void navigate(href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      // -1 is "the typed text"; the options follow, wrapping around at both ends.
      const n = suggestions.length;
      setActive((index) =>
        event.key === 'ArrowDown' ? (index + 1 >= n ? -1 : index + 1) : index - 1 < -1 ? n - 1 : index - 1,
      );
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = showList ? suggestions[active] : undefined;
    if (chosen) return pick(suggestionHref(chosen));
    setOpen(false);
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
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        enterKeyHint="search"
        data-testid="search-input"
      />
      {showList && (
        <SuggestList
          id={listId}
          items={suggestions}
          active={active}
          onPick={(s) => pick(suggestionHref(s))}
        />
      )}
      <button type="submit" className="search__submit">
        {t('header.searchSubmit')}
      </button>
    </form>
  );
}
