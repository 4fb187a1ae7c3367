import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';
import { ValidatorCache } from './validator-cache.js';

/** Longest `pattern` (or `patternProperties` key) accepted, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
/**
 * Largest compiled program per pattern. RE2 runs in time linear in the input, but times the program's size when
 * its DFA gives up: a 200-instruction pattern built to defeat the DFA takes about 1 s over a 256 KiB string.
 */
export const MAX_PATTERN_PROGRAM = 200;
/** Most instructions of all a schema's distinct patterns together (a pattern costs up to ~2 ms to compile). */
export const MAX_SCHEMA_PROGRAM = 2000;

/** Compiled patterns by source: the limit check and Ajv's compile of one schema compile each pattern once. */
const compiledPatterns = new ValidatorCache<RE2JS>(1000);

/**
 * Compiles a JSON Schema pattern (ECMA-262 spelling) for RE2JS, a port of RE2: matching takes time linear in the
 * input, whatever the pattern, so no payload can make a schema check backtrack for minutes. What RE2 cannot run in
 * linear time (lookaround, backreferences) throws.
 */
export function compileLinear(pattern: string): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`is ${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH}`);
  return compiledPatterns.get(pattern, '', () => compileUncached(pattern));
}

function compileUncached(pattern: string): RE2JS {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (err) {
    throw new Error(`cannot be used (patterns run on RE2: no lookaround or backreferences): ${(err as Error).message}`, { cause: err });
  }
  if (compiled.programSize() > MAX_PATTERN_PROGRAM) {
    throw new Error(`is too complex (${compiled.programSize()} RE2 instructions; the limit is ${MAX_PATTERN_PROGRAM})`);
  }
  return compiled;
}

/** The pattern's program size, or why it is refused. */
export function checkPattern(pattern: string): { size: number } | { problem: string } {
  try {
    return { size: compileLinear(pattern).programSize() };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/**
 * Ajv's `code.regExp`: every `pattern`, `patternProperties` and `propertyNames` pattern runs on RE2JS. `toString`
 * is Ajv's cache key for a compiled pattern, so it must tell patterns apart.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const compiled = compileLinear(pattern);
    return { test: (s: string) => compiled.test(s), toString: () => `re2:${pattern}` };
  },
  { code: 'linearRegExp' },
);
