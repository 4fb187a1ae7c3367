import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label and value of a details list (`<dl>`): a subscription's settings, a delivery's details. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </div>
  );
}
