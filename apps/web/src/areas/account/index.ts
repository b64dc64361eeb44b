// The customer cabinet area: one lazily loaded chunk (see app/router.tsx).
export { AccountPage } from './AccountPage.tsx';
