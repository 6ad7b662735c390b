import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { bff, setCsrfToken } from '../api';

export type StaffRole = 'front_desk' | 'front_office_manager' | 'concierge' | 'porter' | 'finance' | 'admin';

/** What `GET /api/session` answers: who is signed in (no token, ever), and the CSRF token for state-changing calls. */
export interface SessionInfo {
  authenticated: boolean;
  user?: {
    sub: string;
    name: string;
    roles: StaffRole[];
    /** Property ids the user may see, or ['*'] for chain-wide staff. */
    properties: string[];
  };
  csrfToken?: string;
}

const SessionContext = createContext<SessionInfo['user'] | undefined>(undefined);

export function useSessionQuery() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const session = await bff<SessionInfo>('/api/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ user, children }: { user: SessionInfo['user']; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only called below the shell, which renders nothing else until someone is signed in. */
export function useUser(): NonNullable<SessionInfo['user']> {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser outside a signed-in shell');
  return user;
}

export function hasAnyRole(user: { roles: readonly string[] }, roles: readonly StaffRole[]): boolean {
  return user.roles.includes('admin') || roles.some((role) => user.roles.includes(role));
}
