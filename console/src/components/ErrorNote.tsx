import { Alert, List } from '@mantine/core';
import type { ApiError } from '../api/client';

/** What the API said went wrong, with every bad field named. */
export function ErrorNote({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title ?? error.title} role="alert" my="sm">
      {error.message}
      {error.errors.length > 0 && (
        <List size="sm" mt="xs">
          {error.errors.map((e) => (
            <List.Item key={e.field + e.message}>
              <strong>{e.field}</strong> {e.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
