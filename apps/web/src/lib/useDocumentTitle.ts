import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** What a page tells search engines and link previews besides its title. */
export interface PageMeta {
  /** The meta description (trimmed to about 160 characters); the app's own in the visitor's language otherwise. */
  description?: string | undefined;
  /** The page's one readable address (e.g. /products/<slug>) when it can be reached by others too. */
  canonical?: string | undefined;
}

const DESCRIPTION_LIMIT = 160;

/** Shortens a text to a meta description: one line, at most 160 characters, cut at a word. */
export function toMetaDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= DESCRIPTION_LIMIT) return line;
  const cut = line.slice(0, DESCRIPTION_LIMIT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), DESCRIPTION_LIMIT / 2)).replace(/[\s,.;:–—-]+$/, '')}…`;
}

function headElement<T extends HTMLElement>(selector: string, create: () => T): T {
  const found = document.head.querySelector<T>(selector);
  if (found) return found;
  const element = create();
  document.head.append(element);
  return element;
}

/**
 * Sets the tab title to "<title> · Sauda" (just "Sauda" without a title) while the page is shown, with
 * the meta description and canonical link of `meta`.
 */
export function useDocumentTitle(title?: string, meta: PageMeta = {}): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  const fallback = t('app.description');
  const description = toMetaDescription(meta.description || fallback);
  const { canonical } = meta;
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
  useEffect(() => {
    const tag = headElement('meta[name="description"]', () =>
      Object.assign(document.createElement('meta'), { name: 'description' }),
    );
    tag.content = description;
  }, [description]);
  useEffect(() => {
    if (!canonical) return;
    const link = headElement('link[rel="canonical"]', () =>
      Object.assign(document.createElement('link'), { rel: 'canonical' }),
    );
    link.href = new URL(canonical, window.location.origin).href;
    return () => link.remove();
  }, [canonical]);
}
