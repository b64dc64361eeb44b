/** Renders components to HTML for tests: English messages, a memory router, no browser needed. */
import i18next from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import en from '../i18n/en.json';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The static HTML of `element` inside the app's providers. */
export function render(element: ReactElement): string {
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(MemoryRouter, null, element)),
  );
}
