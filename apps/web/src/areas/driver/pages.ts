// The driver area's pages: one lazily loaded chunk (see area.tsx).
export { RoundPage } from './RoundPage.tsx';
export { StopPage } from './StopPage.tsx';
