// The seller catalog's pages: one lazily loaded chunk (see area.tsx).
export { ProductsPage } from './ProductsPage.tsx';
export { ProductEditorPage } from './ProductEditorPage.tsx';
export { ImportPage } from './ImportPage.tsx';
