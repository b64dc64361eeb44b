import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import { suggestQuery, type Suggestion } from './catalog-api.ts';
import './suggest.css';

/** Where a suggestion leads: a category page, the catalog filtered by brand, or the product. */
export function suggestionHref(s: Suggestion): string {
  if (s.kind === 'category' && s.slug) return `/c/${encodeURIComponent(s.slug)}`;
  if (s.kind === 'product' && s.slug) return `/products/${encodeURIComponent(s.slug)}`;
  return `/products?${new URLSearchParams(s.kind === 'brand' ? { brand: s.text } : { q: s.text }).toString()}`;
}

/** Suggestions for `text`, asked for once typing pauses (150 ms), so a fast typist sends few requests. */
export function useSuggestions(text: string): Suggestion[] {
  const { language } = useLocale();
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text.trim().toLowerCase()), 150);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useQuery(suggestQuery(settled, language));
  return settled.length >= 2 ? (result.data?.items ?? []) : [];
}

/** The listbox of a search combobox (ARIA 1.2 pattern: focus stays in the input, the active option is announced). */
export function SuggestList({
  id,
  items,
  active,
  onPick,
}: {
  id: string;
  items: Suggestion[];
  active: number;
  onPick: (s: Suggestion) => void;
}) {
  const { t } = useTranslation('storefront');
  return (
    <ul
      id={id}
      role="listbox"
      className="suggest"
      aria-label={t('search.suggestions')}
      data-testid="suggestions"
    >
      {items.map((s, index) => (
        <li
          key={`${s.kind}:${s.slug ?? s.text}`}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className="suggest__option"
          // mousedown, not click: the input keeps focus and its blur does not close the list first.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(s);
          }}
        >
          <span>{s.text}</span>
          <span className="suggest__kind">{t(`search.${s.kind}`)}</span>
        </li>
      ))}
    </ul>
  );
}
