import 'i18next';
import type en from './en.json';
import type { AreaNamespaces } from '../areas/registry.ts';

// Typed keys: t('catalog.title') is checked against en.json at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en } & AreaNamespaces;
  }
}
