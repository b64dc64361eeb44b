// The admin catalog's pages: one lazily loaded chunk (see area.tsx).
export { CategoriesPage } from './CategoriesPage.tsx';
export { ModerationPage } from './ModerationPage.tsx';
export { RatesPage } from './RatesPage.tsx';
