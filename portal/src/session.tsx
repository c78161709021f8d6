import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, type Me } from './api';

interface Session {
  me: Me | null;
  loading: boolean;
  error: ApiError | null;
  /** The service area a manager looks at on Home and in reports (chosen, remembered in this browser). */
  serviceArea: string;
  setServiceArea: (area: string) => void;
}

const SessionContext = createContext<Session>({
  me: null, loading: true, error: null, serviceArea: '', setServiceArea: () => {},
});

export const SERVICE_AREAS = ['Children and Justice', 'Adult and Older People'];

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [serviceArea, setArea] = useState<string>(() => localStorage.getItem('waypoint.serviceArea') ?? '');
  useEffect(() => {
    get<Me>('/me')
      .then((m) => {
        setMe(m);
        if (!localStorage.getItem('waypoint.serviceArea') && m.serviceAreas?.length) setArea(m.serviceAreas[0]);
      })
      .catch((e: ApiError) => setError(e))
      .finally(() => setLoading(false));
  }, []);
  const setServiceArea = useCallback((area: string) => {
    localStorage.setItem('waypoint.serviceArea', area);
    setArea(area);
  }, []);
  return <SessionContext.Provider value={{ me, loading, error, serviceArea, setServiceArea }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
