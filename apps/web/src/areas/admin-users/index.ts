// The admin user tools: one lazily loaded chunk (see area.tsx).
export { AdminShell } from './AdminShell.tsx';
export { UsersPage } from './UsersPage.tsx';
export { ApplicationsPage } from './ApplicationsPage.tsx';
export { AuditPage } from './AuditPage.tsx';
export { MailboxPage } from './MailboxPage.tsx';
