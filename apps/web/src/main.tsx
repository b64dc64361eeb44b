// Global styles first, so component styles (imported by the modules below) come after and win ties.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/states.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { ApiError, restoreSession } from './api/client.ts';
import { session } from './api/session.ts';
import { router } from './app/router.tsx';
import { setupI18n } from './i18n/index.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network and server failures may.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

// Another user's (or no user's) view: drop cached answers that are not on screen, refresh those that are.
// Not after the start-up restore: requests made meanwhile already waited for its token.
let last = session.getSnapshot();
session.subscribe(() => {
  const next = session.getSnapshot();
  const changed = last.status !== 'restoring' && next.user?.id !== last.user?.id;
  last = next;
  if (!changed) return;
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.invalidateQueries();
});

setupI18n();
restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
