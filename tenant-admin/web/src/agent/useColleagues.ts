import { useEffect, useState } from 'react';
import { useApi } from '../api/context';
import type { Colleague } from '../api/types';

/**
 * The tenant's agents by name, which every agent may read: null until they are loaded, or when they cannot be
 * (the desktop then goes by ids). Loaded once per mount, and only when `wanted`.
 */
export function useColleagues(wanted = true): Colleague[] | null {
  const api = useApi();
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);

  useEffect(() => {
    if (!wanted) return undefined;
    const abort = new AbortController();
    api
      .allColleagues(abort.signal)
      .then((list) => {
        if (!abort.signal.aborted) setColleagues(list);
      })
      .catch(() => {
        // names are a courtesy: without them the desktop shows ids and takes a typed one
      });
    return () => abort.abort();
  }, [api, wanted]);

  return colleagues;
}

/** A colleague's name, or their id while the names are not known. */
export function nameOf(colleagues: Colleague[] | null, id: string): string {
  return colleagues?.find((c) => c.id === id)?.name ?? id;
}
