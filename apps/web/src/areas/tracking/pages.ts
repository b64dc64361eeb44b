// The tracking area's pages: one lazily loaded chunk (see area.tsx).
export { TrackSearchPage } from './TrackSearchPage.tsx';
export { TrackingPage } from './TrackingPage.tsx';
export { ReturnLabelPage } from './ReturnLabelPage.tsx';
