import { Button, Group } from '@mantine/core';
import { useState } from 'react';

/**
 * Cursor paging for a newest-first list: the cursors that led to each older page are kept so "Newer" can step
 * back. `cursor` is the page to fetch now; `reset` goes back to the newest page (when a filter changes).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors[cursors.length - 1],
    reset: () => setCursors([]),
    pager: (nextCursor: string | null | undefined) => (
      <Group mt="sm" gap="xs">
        {cursors.length > 0 && (
          <Button variant="default" size="xs" onClick={() => setCursors(cursors.slice(0, -1))}>
            Newer
          </Button>
        )}
        {nextCursor && (
          <Button variant="default" size="xs" onClick={() => setCursors([...cursors, nextCursor])}>
            Older
          </Button>
        )}
      </Group>
    ),
  };
}
