import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, LANGUAGE_STORAGE_KEY, resources, toLanguage } from './languages.ts';

/** Starts i18next, synchronously (all messages are bundled): the saved language, the browser's, or English. */
export function setupI18n(): typeof i18n {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = toLanguage(language);
  });
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      initAsync: false,
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      load: 'languageOnly',
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator', 'htmlTag'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: (language: string) => toLanguage(language),
      },
    });
  return i18n;
}
