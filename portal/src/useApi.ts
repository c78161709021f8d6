import { useCallback, useEffect, useState } from 'react';
import { ApiError, getVersioned } from './api';

export interface Loaded<T> {
  data: T | null;
  etag: string | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  set: (data: T, etag?: string | null) => void;
}

/** Reads a JSON resource; reloads when the path changes. A null path reads nothing. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    getVersioned<T>(path)
      .then((r) => { if (live) { setData(r.body); setEtag(r.etag); setError(null); } })
      .catch((e: ApiError) => { if (live) { setError(e); setData(null); } })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((d: T, e?: string | null) => { setData(d); if (e !== undefined) setEtag(e); }, []);
  return { data, etag, error, loading, reload, set };
}
