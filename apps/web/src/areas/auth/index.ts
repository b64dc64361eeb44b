// The sign-in area: one lazily loaded chunk (see app/router.tsx and area.tsx).
export { LoginPage } from './LoginPage.tsx';
export { RegisterPage } from './RegisterPage.tsx';
export { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './RecoveryPages.tsx';
