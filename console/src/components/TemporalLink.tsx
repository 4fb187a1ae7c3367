import { Anchor } from '@mantine/core';
import { PORTAL_MODE } from '../api/portal';

/** The delivery's workflow in the Temporal UI, in a new tab. Not through a portal link: that UI is the operator's. */
export function TemporalLink({ url, id }: { url: string | undefined; id: string }) {
  if (PORTAL_MODE || !url) return null;
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm" aria-label={`Open delivery ${id} in Temporal UI`}>
      Open in Temporal UI
    </Anchor>
  );
}
