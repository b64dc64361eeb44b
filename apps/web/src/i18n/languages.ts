import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import { AREA_LIST } from '../areas/registry.ts';

/** The languages Sauda speaks, in the order the switcher lists them. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every language's messages: the shared `translation` namespace plus one namespace per area. English is the reference. */
export const resources = {
  en: { translation: en, ...areaNamespaces('en') },
  ru: { translation: ru, ...areaNamespaces('ru') },
  kk: { translation: kk, ...areaNamespaces('kk') },
} as const;

function areaNamespaces(language: 'en' | 'ru' | 'kk') {
  return Object.fromEntries(AREA_LIST.map((area) => [area.name, area.messages[language]]));
}

/** Where the chosen language is kept between visits (public/theme-init.js reads it too). */
export const LANGUAGE_STORAGE_KEY = 'sauda.lang';

/** Narrows any language tag ("ru-RU", "kk") to a supported language, English otherwise. */
export function toLanguage(tag: string | undefined): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language === base) ?? 'en';
}
