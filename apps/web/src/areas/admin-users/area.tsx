import { lazy } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const pages = () => import('./index.ts');
const AdminShell = lazy(() => pages().then((m) => ({ default: m.AdminShell })));
const UsersPage = lazy(() => pages().then((m) => ({ default: m.UsersPage })));
const ApplicationsPage = lazy(() => pages().then((m) => ({ default: m.ApplicationsPage })));
const AuditPage = lazy(() => pages().then((m) => ({ default: m.AuditPage })));
const MailboxPage = lazy(() => pages().then((m) => ({ default: m.MailboxPage })));

const guarded = (page: React.ReactNode) => <RequireAuth>{page}</RequireAuth>;

/** Staff tools for accounts: users and roles, blocks, seller applications, audit log, local mailbox. */
export const adminUsersArea = defineArea({
  name: 'adminUsers',
  routes: [
    {
      // Pathless: it frames only these pages, so other areas' /admin/... routes stay their own.
      element: guarded(<AdminShell />),
      children: [
        { path: 'admin/users', element: <UsersPage /> },
        { path: 'admin/seller-applications', element: <ApplicationsPage /> },
        { path: 'admin/audit', element: <AuditPage /> },
        { path: 'admin/mailbox', element: <MailboxPage /> },
      ],
    },
  ],
  nav: [{ to: '/admin/users', label: 'nav.areas.adminUsers', roles: ['admin', 'support'] }],
  messages: { en, ru, kk },
});
