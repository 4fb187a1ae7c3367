import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { CopyButton } from './CopyButton';

/** A value the API gives this once (a signing secret, an API key): shown with a copy button until closed. */
export function ShownOnce({
  value,
  title,
  warning,
  copyLabel,
  testId,
  footnote,
  onClose,
}: {
  /** null: closed. */
  value: string | null;
  title: string;
  warning: string;
  copyLabel: string;
  testId: string;
  footnote?: string;
  onClose: () => void;
}) {
  return (
    <Modal opened={value !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" role="status">
          {warning}
        </Alert>
        <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <Group justify="space-between">
          <CopyButton value={value ?? ''} label={copyLabel} />
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
        {footnote && (
          <Text size="xs" c="dimmed" aria-live="polite">
            {footnote}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
