import { Code, Group, JsonInput, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { ApiError, apiCall } from '../../api/client';
import type { Subscription } from '../../api/types';

type Preview = { body: unknown } | { error: string } | null;

/** The type the preview's sample event carries: the first exact type subscribed, else webhook.test. */
const sampleType = (events: string[]) => events.find((e) => e !== '*' && !e.endsWith('.*')) ?? 'webhook.test';

/**
 * A JSONata transform, previewed live through POST /v1/transformations/test (the code and bounds deliveries
 * use) on a sample event: the body a receiver would get, or the error with its position.
 */
export function TransformField({
  value,
  onChange,
  events,
  payloadFormat,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  events: string[];
  payloadFormat: Subscription['payloadFormat'];
  error?: string;
}) {
  const [sample, setSample] = useState('{\n  "jobId": "j_1"\n}');
  const [expression] = useDebouncedValue(value, 400);
  const [sampleText] = useDebouncedValue(sample, 400);
  const [preview, setPreview] = useState<Preview>(null);
  const type = sampleType(events);

  useEffect(() => {
    if (!expression.trim() || payloadFormat === 'form') return setPreview(null);
    let data: unknown;
    try {
      data = JSON.parse(sampleText);
    } catch {
      return setPreview({ error: 'The sample data is not JSON.' });
    }
    let current = true;
    apiCall<{ body: unknown }>('POST', '/v1/transformations/test', { transform: expression, type, data, payloadFormat }).then(
      (res) => current && setPreview({ body: res.body }),
      (err: ApiError) => current && setPreview({ error: err.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || err.message }),
    );
    // A late answer to an older expression never overwrites the newer one.
    return () => {
      current = false;
    };
  }, [expression, sampleText, type, payloadFormat]);

  return (
    <Stack gap="xs">
      <Textarea
        label="Transform (JSONata)"
        description={
          payloadFormat === 'form'
            ? 'Not with the form payload format.'
            : `Reshapes the ${payloadFormat === 'raw' ? 'event data' : 'envelope'} before signing; its result (an object) is the body. Empty for none.`
        }
        placeholder='{ "kind": type, "job": data.jobId }'
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        autosize
        minRows={2}
        maxRows={10}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      {value.trim() && payloadFormat !== 'form' && (
        <Group grow align="flex-start">
          <JsonInput label={`Sample data (a ${type} event)`} value={sample} onChange={setSample} autosize minRows={3} maxRows={10} />
          <div data-testid="transform-preview" aria-live="polite">
            <Text size="sm" fw={500}>
              Preview
            </Text>
            {preview === null && (
              <Text size="sm" c="dimmed">
                …
              </Text>
            )}
            {preview && 'body' in preview && (
              <Code block data-testid="transform-body">
                {JSON.stringify(preview.body, null, 2)}
              </Code>
            )}
            {preview && 'error' in preview && (
              <Text size="sm" c="red" data-testid="transform-error">
                {preview.error}
              </Text>
            )}
          </div>
        </Group>
      )}
    </Stack>
  );
}
