/** Autocomplete: a few product names, categories and brands that match what the shopper is typing. */
import type { Suggestion } from '@sauda/contracts';
import type { Db } from '@sauda/kit';

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Products by substring of their names in any language (trigram index), the most popular first and
 * prefix matches before inner ones; categories by name in the reader's language; brands by prefix.
 */
export async function suggest(db: Db, q: string, locale: string): Promise<Suggestion[]> {
  const text = q.trim().toLowerCase();
  if (text.length < 2) return [];
  const contains = `%${likeEscape(text)}%`;
  const prefix = `${likeEscape(text)}%`;
  const [products, categories, brands] = await Promise.all([
    db<{ title: string; ru: string | null; kk: string | null; slug: string }[]>`
      select title, translations #>> '{ru,title}' as ru, translations #>> '{kk,title}' as kk, slug
      from products
      where status = 'active' and hidden_at is null
        and lower(title || ' ' || coalesce(translations #>> '{ru,title}', '') || ' ' ||
                  coalesce(translations #>> '{kk,title}', '')) like ${contains}
      order by lower(title) like ${prefix} desc, popularity desc, id limit 6`,
    db<{ slug: string; name: string }[]>`
      select slug, coalesce(names ->> ${locale}, names ->> 'en') as name from categories
      where exists (select 1 from jsonb_each_text(names) n where lower(n.value) like ${contains})
      order by position limit 3`,
    db<{ brand: string }[]>`
      select brand from products where status = 'active' and lower(brand) like ${prefix}
      group by brand order by count(*) desc limit 3`,
  ]);
  const localized = (p: (typeof products)[number]) =>
    (locale === 'ru' ? p.ru : locale === 'kk' ? p.kk : null) || p.title;
  return [
    ...categories.map((c): Suggestion => ({ kind: 'category', text: c.name, slug: c.slug })),
    ...brands.map((b): Suggestion => ({ kind: 'brand', text: b.brand, slug: null })),
    ...products.map((p): Suggestion => ({ kind: 'product', text: localized(p), slug: p.slug })),
  ];
}
