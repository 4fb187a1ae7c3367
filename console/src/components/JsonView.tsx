import { Code, ScrollArea } from '@mantine/core';

/** JSON, pretty-printed, in a scrollable block that keeps long lines from widening the page. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  return (
    <ScrollArea.Autosize mah={480} type="auto" aria-label={label}>
      <Code block aria-label={label}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </ScrollArea.Autosize>
  );
}
