import { Accordion, Badge, Group, Loader, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { apiCall, query } from '../api/client';
import type { EventType, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from '../components/ErrorNote';
import { JsonView } from '../components/JsonView';
import { PageTitle } from '../components/PageTitle';

/** The event-type catalog; each type opens to its description and payload schema. */
export function EventTypesPage() {
  const [archived, setArchived] = useState(false);
  const types = useResource(
    () => apiCall<Page<EventType>>('GET', `/v1/event-types${query({ limit: 250, includeArchived: archived ? 'true' : undefined })}`),
    [archived],
  );

  return (
    <>
      <PageTitle>Event types</PageTitle>
      <Switch label="Show archived types" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb="md" />
      <ErrorNote error={types.error} />
      {types.loading && !types.data && <Loader size="sm" aria-label="Loading" />}
      {types.data && (
        <Accordion variant="separated" multiple data-testid="catalog">
          {types.data.data.map((t) => (
            <Accordion.Item key={t.name} value={t.name}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600}>{t.name}</Text>
                  {t.builtIn && (
                    <Badge variant="light" color="gray">
                      built-in
                    </Badge>
                  )}
                  {t.archived && (
                    <Badge variant="light" color="yellow">
                      archived
                    </Badge>
                  )}
                  {t.schema && <Badge variant="light">schema</Badge>}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" mb="sm">
                  {t.description ?? 'No description.'}
                </Text>
                {t.schema ? (
                  <JsonView value={t.schema} label={`Schema of ${t.name}`} />
                ) : (
                  <Text size="sm" c="dimmed">
                    No schema: any JSON object is accepted.
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </>
  );
}
