/** A `datetime-local` input's value (the reader's local time) as an ISO instant; undefined when empty. */
export const localToIso = (value: string): string | undefined => (value ? new Date(value).toISOString() : undefined);
