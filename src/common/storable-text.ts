import { validationFailed, type AppError, type FieldError } from './errors.js';

/** Text Postgres cannot store (NUL characters, unpaired UTF-16 surrogates): valid JSON, but not valid data here. */
const unstorable = (s: string) => s.includes('\u0000') || !s.isWellFormed();

function findUnstorable(value: unknown, path: string[], out: FieldError[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (unstorable(value))
      out.push({ field: path.join('.') || '(body)', message: 'must not contain NUL characters or unpaired surrogates' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorable(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (unstorable(k))
        out.push({
          field: [...path, JSON.stringify(k)].join('.'),
          message: 'field names must not contain NUL characters or unpaired surrogates',
        });
      findUnstorable(v, [...path, k], out);
    }
  }
}

/** The 422 naming the fields for any body, query or path text that could not be stored, or null. */
export function unstorableText(url: string, query: unknown, body: unknown): AppError | null {
  const errors: FieldError[] = [];
  let path = '';
  try {
    path = decodeURIComponent(url.split('?')[0]);
  } catch {
    errors.push({ field: '(path)', message: 'is not valid percent-encoded UTF-8' });
  }
  if (unstorable(path)) errors.push({ field: '(path)', message: 'must not contain NUL characters or unpaired surrogates' });
  findUnstorable(query, [], errors);
  findUnstorable(body, [], errors);
  return errors.length === 0 ? null : validationFailed(errors, 'The request holds text that cannot be stored.');
}
