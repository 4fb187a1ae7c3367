/**
 * Where values lie in a JSON text, so that they can be kept and sent as the exact text that was received: a
 * strict scanner (RFC 8259, nothing more: no comments, no trailing commas, no NaN) that reads the text once, left
 * to right, and notes the span of each value found at a path pattern. It builds nothing else.
 *
 * A pattern is a list of object keys and `EACH` (every entry of an array): `['data']` finds the `data` member of
 * the top-level object, `['events', EACH, 'data']` the `data` member of each entry of the `events` array.
 * A key compares by its decoded value (`"d\u0061ta"` is `data`), as JSON.parse reads it. A repeated key: the last
 * member counts, as with JSON.parse, so the span found is the value the parsed copy holds.
 */

export const EACH = Symbol('each array entry');
export type PathPattern = readonly (string | typeof EACH)[];

/** One value found: `text.slice(start, end)` is its exact JSON text; `path` names it (keys and array indices). */
export interface ValueSpan {
  path: (string | number)[];
  start: number;
  end: number;
}

export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

/** Nesting beyond this is refused (the API refuses far less deep bodies before they get here). */
export const MAX_SCAN_DEPTH = 512;

/** The spans of the values at `pattern` in `text`, in text order; throws JsonScanError if `text` is not JSON. */
export function findValueSpans(text: string, pattern: PathPattern, maxDepth = MAX_SCAN_DEPTH): ValueSpan[] {
  const scanner = new Scanner(text, maxDepth);
  scanner.whitespace();
  const found = scanner.value(pattern, [], 0);
  scanner.whitespace();
  if (scanner.pos !== text.length) scanner.fail('unexpected text after the JSON value');
  return found;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
/** A run of string characters that need no look: a simple class, so the regex engine skips it in one linear pass. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a JSON string may not hold raw
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
/** `"` `\` `/` `b` `f` `n` `r` `t`: the single-character escapes. */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

class Scanner {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  fail(message: string): never {
    throw new JsonScanError(message, this.pos);
  }

  whitespace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  /** One value at `pos` (no leading whitespace); `pattern` null: nothing to find inside it. */
  value(pattern: PathPattern | null, path: (string | number)[], depth: number): ValueSpan[] {
    const start = this.pos;
    const here = pattern !== null && pattern.length === 0;
    const inner = here ? null : pattern;
    let found: ValueSpan[] = [];
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b) found = this.object(inner, path, depth + 1);
    else if (c === 0x5b) found = this.array(inner, path, depth + 1);
    else if (c === QUOTE) this.string();
    else if (c === 0x74) this.literal('true');
    else if (c === 0x66) this.literal('false');
    else if (c === 0x6e) this.literal('null');
    else if (c === 0x2d || isDigit(c)) this.number();
    else this.fail(Number.isNaN(c) ? 'unexpected end of the text' : 'expected a JSON value');
    return here ? [{ path, start, end: this.pos }] : found;
  }

  private object(pattern: PathPattern | null, path: (string | number)[], depth: number): ValueSpan[] {
    if (depth > this.maxDepth) this.fail(`nests more than ${this.maxDepth} levels`);
    const wanted = pattern !== null && typeof pattern[0] === 'string' ? pattern[0] : null;
    let found: ValueSpan[] = [];
    this.pos++;
    this.whitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return found;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== QUOTE) this.fail('expected a member name');
      const key = this.key();
      this.whitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail('expected ":"');
      this.pos++;
      this.whitespace();
      if (wanted !== null && key === wanted) {
        // The last member of a repeated key is the one that counts: what an earlier one held is dropped.
        found = this.value(pattern!.slice(1), [...path, key], depth);
      } else {
        this.value(null, path, depth);
      }
      this.whitespace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 0x7d) return found;
      if (c !== 0x2c) {
        this.pos--;
        this.fail('expected "," or "}"');
      }
      this.whitespace();
    }
  }

  private array(pattern: PathPattern | null, path: (string | number)[], depth: number): ValueSpan[] {
    if (depth > this.maxDepth) this.fail(`nests more than ${this.maxDepth} levels`);
    const each = pattern !== null && pattern[0] === EACH ? pattern.slice(1) : null;
    const found: ValueSpan[] = [];
    this.pos++;
    this.whitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return found;
    }
    for (let index = 0; ; index++) {
      const inEntry = this.value(each, each === null ? path : [...path, index], depth);
      for (const span of inEntry) found.push(span);
      this.whitespace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 0x5d) return found;
      if (c !== 0x2c) {
        this.pos--;
        this.fail('expected "," or "]"');
      }
      this.whitespace();
    }
  }

  /** A member name, decoded (escapes and all) only when it has escapes. */
  private key(): string {
    const start = this.pos;
    const escaped = this.string();
    const raw = this.text.slice(start, this.pos);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** A string at `pos`; answers whether it holds an escape. */
  private string(): boolean {
    const t = this.text;
    let escaped = false;
    this.pos++;
    for (;;) {
      PLAIN_RUN.lastIndex = this.pos;
      PLAIN_RUN.test(t);
      this.pos = PLAIN_RUN.lastIndex;
      const c = t.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.pos++;
        return escaped;
      }
      if (c === BACKSLASH) {
        escaped = true;
        const e = t.charCodeAt(this.pos + 1);
        if (SHORT_ESCAPES.has(e)) this.pos += 2;
        else if (e === 0x75) {
          for (let i = 2; i < 6; i++) if (!isHex(t.charCodeAt(this.pos + i))) this.fail('expected four hex digits after \\u');
          this.pos += 6;
        } else this.fail('invalid escape');
      } else if (c < 0x20) {
        this.fail('unescaped control character in a string');
      } else if (Number.isNaN(c)) {
        this.fail('unterminated string');
      } else this.pos++;
    }
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.pos)) this.fail('expected a JSON value');
    this.pos += word.length;
  }

  /** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` */
  private number(): void {
    const t = this.text;
    if (t.charCodeAt(this.pos) === 0x2d) this.pos++;
    if (t.charCodeAt(this.pos) === 0x30) this.pos++;
    else this.digits();
    if (t.charCodeAt(this.pos) === 0x2e) {
      this.pos++;
      this.digits();
    }
    const e = t.charCodeAt(this.pos);
    if (e === 0x65 || e === 0x45) {
      this.pos++;
      const sign = t.charCodeAt(this.pos);
      if (sign === 0x2b || sign === 0x2d) this.pos++;
      this.digits();
    }
  }

  private digits(): void {
    if (!isDigit(this.text.charCodeAt(this.pos))) this.fail('expected a digit');
    while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
  }
}
