import { useCallback, useState } from 'react';

/** Cursor pagination with back and forth: the cursors of the pages seen so far. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  return {
    after: cursors[page] ?? null,
    page,
    next: useCallback((endCursor: string | null | undefined) => {
      if (endCursor) setCursors((c) => [...c, endCursor]);
    }, []),
    previous: useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []),
    reset: useCallback(() => setCursors([null]), []),
  };
}
