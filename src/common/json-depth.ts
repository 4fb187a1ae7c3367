import { validationFailed, type AppError } from './errors.js';

/**
 * How deep event data (and any JSON value the API keeps) may nest: `{}` is one level, `{"a":{}}` two.
 * Real payloads stay far below; thousands of levels overflow the stack of every recursive walker (storable
 * text, JSON Schema validation, serialisation) and used to answer 500.
 */
export const MAX_JSON_DEPTH = 64;

/** A request body may nest a little more: room for the batch envelope `{"events":[{"data":...}]}`. */
const MAX_BODY_DEPTH = MAX_JSON_DEPTH + 4;

type Segment = string | number;

/** The path to the first container nested deeper than `limit` levels, or null. Iterative: any depth is safe. */
export function pathBeyondDepth(value: unknown, limit: number): Segment[] | null {
  interface Frame {
    value: unknown;
    depth: number;
    key: Segment | null;
    parent: Frame | null;
  }
  const stack: Frame[] = [{ value, depth: 1, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.value === null || typeof frame.value !== 'object') continue;
    if (frame.depth > limit) {
      const path: Segment[] = [];
      for (let f: Frame | null = frame; f?.key != null; f = f.parent) path.unshift(f.key);
      return path;
    }
    const entries: [Segment, unknown][] = Array.isArray(frame.value) ? frame.value.map((v, i) => [i, v]) : Object.entries(frame.value);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return null;
}

/** Whether a value nests at most MAX_JSON_DEPTH levels. */
export const withinJsonDepth = (value: unknown) => pathBeyondDepth(value, MAX_JSON_DEPTH) === null;

/**
 * The field a too-deep path belongs to, as a client named it: the top-level field, and through a top-level
 * array the entry's field (`events.3.data`).
 */
function fieldOf(path: Segment[]): string {
  const [first, index, key] = path;
  if (typeof first !== 'string') return '(body)';
  if (typeof index === 'number' && typeof key === 'string') return `${first}.${index}.${key}`;
  return first;
}

/** The 422 naming the field for a JSON body nested too deep to walk safely, or null; checked before anything walks it. */
export function tooDeepBody(body: unknown): AppError | null {
  const path = pathBeyondDepth(body, MAX_BODY_DEPTH);
  if (path === null) return null;
  const error = { field: fieldOf(path), message: `nests more than ${MAX_JSON_DEPTH} levels deep` };
  return validationFailed([error], 'The request nests JSON deeper than the service accepts.');
}
