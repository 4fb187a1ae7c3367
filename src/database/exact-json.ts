/**
 * A jsonb value TypeORM writes exactly as given. `save` deep-copies plain objects first and the copy skips an own
 * `__proto__` key, so a filter `{"__proto__": ...}` would be stored as `{}`. An instance of this class is passed
 * through untouched; the driver serialises it with JSON.stringify, which writes what `toJSON` returns.
 */
class ExactJson {
  constructor(private readonly value: object) {}

  toJSON(): object {
    return this.value;
  }
}

/** Wraps an object for a TypeORM write (typed as the value itself, which is what lands in the column). */
export const exactJson = <T>(value: T): T => (value !== null && typeof value === 'object' ? (new ExactJson(value) as unknown as T) : value);
