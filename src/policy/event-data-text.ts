/** An event row's data as stored: the exact text (`data_text`) or, on rows written before it, jsonb (`data`). */
export interface StoredEventData {
  dataText: string | null;
  legacyData: unknown;
}

/**
 * An event's data as JSON text: the exact text received. A row written before that text was kept gives its jsonb
 * data re-serialised the way it was always sent, so its redeliveries carry the bytes its first delivery did.
 */
export const eventDataText = (row: StoredEventData): string => row.dataText ?? JSON.stringify(row.legacyData ?? {});
