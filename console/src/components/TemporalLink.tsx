import { Anchor } from '@mantine/core';

/** The delivery's workflow in the Temporal UI, in a new tab. */
export function TemporalLink({ url, id }: { url: string; id: string }) {
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm" aria-label={`Open delivery ${id} in Temporal UI`}>
      Open in Temporal UI
    </Anchor>
  );
}
