import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/** A signing secret, shown this once: the API never returns it again. */
export function SecretReveal({ secret, onClose, title }: { secret: string | null; onClose: () => void; title: string }) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" role="status">
          Copy this signing secret now: it is shown only once. Your receiver verifies signatures with it.
        </Alert>
        <Code block data-testid="secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'teal' : undefined} variant={copied ? 'light' : 'filled'}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
        <Text size="xs" c="dimmed" aria-live="polite">
          Lost it? Rotate the secret to get a new one.
        </Text>
      </Stack>
    </Modal>
  );
}
