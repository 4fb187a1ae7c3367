import { Accordion, Badge, Button, Group, Loader, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, apiCall, query } from '../api/client';
import type { EventType, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from '../components/ErrorNote';
import { JsonView } from '../components/JsonView';
import { PageTitle } from '../components/PageTitle';

/** The catalog as AsyncAPI 3.0 (non-archived types), saved as a file to hand to the people who receive the webhooks. */
async function downloadAsyncApi() {
  const doc = await apiCall<unknown>('GET', '/v1/catalog/asyncapi');
  const { document, URL } = globalThis;
  const href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href, download: 'asyncapi.json' });
  a.click();
  URL.revokeObjectURL(href);
}

/** The event-type catalog; each type opens to its description and payload schema. */
export function EventTypesPage() {
  const [archived, setArchived] = useState(false);
  const [downloadError, setDownloadError] = useState<ApiError>();
  const types = useResource(
    () => apiCall<Page<EventType>>('GET', `/v1/event-types${query({ limit: 250, includeArchived: archived ? 'true' : undefined })}`),
    [archived],
  );

  return (
    <>
      <PageTitle>Event types</PageTitle>
      <Group justify="space-between" mb="md">
        <Switch label="Show archived types" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <Button
          variant="default"
          size="xs"
          onClick={() => void downloadAsyncApi().then(() => setDownloadError(undefined), setDownloadError)}
        >
          Download AsyncAPI
        </Button>
      </Group>
      <ErrorNote error={downloadError ?? types.error} />
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
