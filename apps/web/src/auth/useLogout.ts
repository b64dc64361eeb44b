import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { logout } from '../api/client.ts';

/** Signs out and returns to the catalog (not to a page that now needs a sign-in). */
export function useLogout(): () => Promise<void> {
  const navigate = useNavigate();
  return useCallback(async () => {
    await navigate('/');
    await logout();
  }, [navigate]);
}
