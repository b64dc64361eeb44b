import { lazy } from 'react';
import { GuestOnly } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

// Sign-in and register are routed in app/router.tsx; these are the recovery pages of the same chunk.
const pages = () => import('./index.ts');
const ForgotPasswordPage = lazy(() => pages().then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => pages().then((m) => ({ default: m.ResetPasswordPage })));
const VerifyEmailPage = lazy(() => pages().then((m) => ({ default: m.VerifyEmailPage })));

/** Account recovery and confirmation: forgot and reset password, verify email (and the login's code step texts). */
export const authArea = defineArea({
  name: 'auth',
  routes: [
    {
      path: 'forgot-password',
      element: (
        <GuestOnly>
          <ForgotPasswordPage />
        </GuestOnly>
      ),
    },
    { path: 'reset-password', element: <ResetPasswordPage /> },
    { path: 'verify-email', element: <VerifyEmailPage /> },
  ],
  messages: { en, ru, kk },
});
