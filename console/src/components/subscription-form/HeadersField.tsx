import { ActionIcon, Button, Checkbox, Group, Input, Stack, TextInput } from '@mantine/core';
import { MASK, type HeaderRow } from './form-state';

/** Extra request headers; a credential's value reads `****`, which kept as it is keeps the stored value. */
export function HeadersField({ rows, onChange, error }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; error?: string }) {
  const update = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Input.Wrapper
      label="Headers"
      description={`Sent with every request. Credentials read back ${MASK}: leave ${MASK} to keep the stored value. Mark other secrets secret.`}
      error={error}
    >
      <Stack gap="xs" mt={4}>
        {rows.map((row, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              aria-label={`Header ${i + 1}`}
              placeholder="x-tenant"
              value={row.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={`Header ${i + 1} value`}
              placeholder="value"
              value={row.value}
              onChange={(e) => update(i, { value: e.currentTarget.value })}
              style={{ flex: 2 }}
            />
            <Checkbox
              label="secret"
              aria-label={`Header ${i + 1} is secret`}
              checked={row.secret}
              onChange={(e) => update(i, { secret: e.currentTarget.checked })}
              mb={8}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove header ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button variant="light" size="xs" w="fit-content" onClick={() => onChange([...rows, { name: '', value: '', secret: false }])}>
          Add header
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
