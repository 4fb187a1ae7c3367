import { Select } from '@mantine/core';
import type { FifoOnFailure } from '../api/types';

const CHOICES = [
  { value: 'skip', label: 'skip: the line goes on past a failed delivery' },
  { value: 'block', label: 'block: the line waits until you redeliver or skip it' },
];

/** What a FIFO line does after a delivery exhausts its retries; shown only with FIFO ordering. */
export function FifoOnFailureField({
  ordering,
  value,
  onChange,
}: {
  ordering: 'none' | 'fifo' | undefined;
  value: FifoOnFailure;
  onChange: (value: FifoOnFailure) => void;
}) {
  if (ordering !== 'fifo') return null;
  return (
    <Select
      label="When a delivery fails for good"
      description="With FIFO ordering: go on with the rest of its line, or stop the line for a person"
      data={CHOICES}
      value={value}
      onChange={(v) => onChange((v ?? 'skip') as FifoOnFailure)}
      allowDeselect={false}
    />
  );
}
