import { useEffect } from 'react';

/** Sets the tab's title for the page being shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Callisto` : 'Callisto';
  }, [title]);
}
