import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from '../api/session.ts';

/** The current session (status and user); re-renders when it changes. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
