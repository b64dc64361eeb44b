import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

/** The languages Sauda speaks, in the order the switcher lists them. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every language's messages; en.json is the reference the others must match. */
export const resources = {
  en: { translation: en },
  ru: { translation: ru },
  kk: { translation: kk },
} as const;

/** Where the chosen language is kept between visits (public/theme-init.js reads it too). */
export const LANGUAGE_STORAGE_KEY = 'sauda.lang';

/** Narrows any language tag ("ru-RU", "kk") to a supported language, English otherwise. */
export function toLanguage(tag: string | undefined): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language === base) ?? 'en';
}
