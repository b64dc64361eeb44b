// The dispatch area's pages: one lazily loaded chunk (see area.tsx).
export { BoardPage } from './BoardPage.tsx';
export { FleetPage } from './FleetPage.tsx';
