// The sign-in area: one lazily loaded chunk (see app/router.tsx).
export { LoginPage } from './LoginPage.tsx';
export { RegisterPage } from './RegisterPage.tsx';
