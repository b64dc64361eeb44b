import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { PageLoader } from '../components/states.tsx';
import { useSession } from './useSession.ts';

/** Where to go after signing in: the `next` parameter when it is a path on this site, else home. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Shows its children to signed-in users; sends others to sign in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <PageLoader />;
  if (status === 'signedOut') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}

/** Shows its children (sign-in, register) to visitors; a signed-in user goes on to `next`. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const [params] = useSearchParams();
  if (status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;
  return children;
}
