/** How results are shown: tables for people, the service's JSON (unchanged) with `--json`. */
export interface Output {
  json: boolean;
}

export type Row = Record<string, unknown>;
export type Columns<T> = [header: string, value: (row: T) => unknown][];

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function table<T>(rows: T[], columns: Columns<T>): string {
  const cells = rows.map((row) => columns.map(([, value]) => cell(value(row)).replace(/\s+/g, ' ')));
  const widths = columns.map(([header], i) => Math.max(header.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
  return [line(columns.map(([h]) => h)), ...cells.map(line)].join('\n');
}

/** One object as `key  value` lines; `skip` leaves out fields shown another way. */
export function record(value: Row, skip: string[] = []): string {
  const keys = Object.keys(value).filter((k) => !skip.includes(k));
  const width = Math.max(...keys.map((k) => k.length));
  return keys.map((k) => `${k.padEnd(width)}  ${cell(value[k])}`).join('\n');
}

/** Prints the JSON as is with `--json`, else what `human` makes of it. */
export function show<T>(out: Output, value: T, human: (value: T) => string): void {
  console.log(out.json ? JSON.stringify(value, null, 2) : human(value));
}

export function nextPage(nextCursor: string | null): string {
  return nextCursor ? `\n(more: --cursor ${nextCursor})` : '';
}
