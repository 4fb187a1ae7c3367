/**
 * A statement with named parameters (`:deliveryId`, lower camelCase; `::casts` and upper-case text such as
 * `HH24:MI:SS` are left alone) turned into pg's positional form. Every name must have a value, so a typo fails
 * at once rather than binding the wrong parameter.
 */
export function namedSql(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const order: string[] = [];
  const text = sql.replace(/(?<![:\w]):([a-z][A-Za-z0-9]*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    const at = order.indexOf(name);
    return `$${at >= 0 ? at + 1 : order.push(name)}`;
  });
  return [text, order.map((name) => values[name])];
}
