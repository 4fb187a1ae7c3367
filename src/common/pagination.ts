import { z } from 'zod';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z
    .string()
    .regex(/^[a-z]{3}_[0-9a-z]{26}$/, 'must be a nextCursor from an earlier page')
    .optional(),
};

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Rows were fetched with limit + 1, newest first by id; the extra row tells whether a next page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
