// The customer cabinet area: one lazily loaded chunk (see area.tsx).
export { AccountPage } from './AccountPage.tsx';
export { CabinetShell } from './CabinetShell.tsx';
export { ProfilePage } from './ProfilePage.tsx';
export { AddressesPage } from './AddressesPage.tsx';
export { CardsPage } from './CardsPage.tsx';
export { SecurityPage } from './SecurityPage.tsx';
export { SessionsPage } from './SessionsPage.tsx';
export { SellerPage } from './SellerPage.tsx';
