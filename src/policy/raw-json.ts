import { randomUUID } from 'node:crypto';

/** JSON text to be written as it is into a larger JSON document (see stringifyWithRawJson). */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * JSON.stringify, with each RawJson written as its text, unchanged: a splice, so a value kept as the exact text
 * received (event data) is shown byte for byte, not parsed and serialised again. (JSON.rawJSON takes primitives
 * only.) Each RawJson is first written as a placeholder string that no other text can spell (a fresh random
 * token), then replaced; replaced text is not searched again.
 */
export function stringifyWithRawJson(value: unknown): string {
  const token = randomUUID();
  const texts: string[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    texts.push(v.text);
    return `${token}:${texts.length - 1}`;
  });
  if (texts.length === 0) return json;
  return json.replace(new RegExp(`"${token}:(\\d+)"`, 'g'), (_match, i: string) => texts[Number(i)]);
}
