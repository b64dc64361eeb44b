/** The reader's language from `?lang=` or Accept-Language; English when neither names one we speak. */
import type { FastifyRequest } from 'fastify';

export const LOCALES = ['en', 'ru', 'kk'] as const;
export type SupportedLocale = (typeof LOCALES)[number];

/** Picks en, ru or kk for a request. */
export function requestLocale(request: FastifyRequest): SupportedLocale {
  const query = request.query as { lang?: unknown } | undefined;
  if (typeof query?.lang === 'string' && isLocale(query.lang)) return query.lang;
  return localeFromHeader(request.headers['accept-language']);
}

/** Parses Accept-Language by quality and returns the first language we speak. */
export function localeFromHeader(header: string | undefined): SupportedLocale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? 'en';
}

function isLocale(value: string): value is SupportedLocale {
  return (LOCALES as readonly string[]).includes(value);
}
