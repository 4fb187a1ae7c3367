import { compileFilter, explainFilter, filterMatches, type FieldReader, type Filter, type FilterVerdict } from './event-filter.js';

/**
 * A worker thread's side of filter judging (see events/filter-judge.ts): the values the filters read come as
 * (path, value) pairs, read out of the event on the main thread, so nothing else of the event is copied here.
 */
export interface FilterTask {
  /** `select`: which filters match; `explain`: the first filter's verdict. */
  kind: 'select' | 'explain';
  filters: (Filter | null)[];
  type?: string;
  values: [string, unknown][];
}

export default function judge(task: FilterTask): boolean[] | FilterVerdict {
  const values = new Map(task.values);
  const fields: FieldReader = { at: (path) => values.get(path) };
  const subject = { fields, type: task.type, patterns: new Map<string, boolean>() };
  if (task.kind === 'explain') return explainFilter(compileFilter(task.filters[0]), subject);
  return task.filters.map((f) => filterMatches(compileFilter(f), subject));
}
