import jsonata from 'jsonata';
import type { PayloadEvent, PayloadFormat } from './payload.js';

/**
 * Bounds of a subscription's `transform` (a JSONata expression; no JavaScript of tenants runs anywhere): its
 * length, its evaluation time, stack depth and sequence length (JSONata's own guardrails), and its output.
 */
export const TRANSFORM_LIMITS = {
  expressionLength: 10_000,
  timeoutMs: 50,
  stack: 500,
  sequence: 100_000,
  outputBytes: 256 * 1024,
} as const;

interface JsonataError {
  code?: string;
  position?: number;
  message?: string;
}

const describe = (err: unknown): string => {
  const e = err as JsonataError;
  const where = typeof e.position === 'number' ? ` at position ${e.position}` : '';
  return `${e.message ?? String(err)}${e.code ? ` (${e.code})` : ''}${where}`;
};

/** Compiled expressions by their text, a bounded few: the same transform serves every delivery of its subscription. */
const compiled = new Map<string, jsonata.Expression>();
const COMPILED_KEPT = 1000;

function compile(expression: string): jsonata.Expression {
  const known = compiled.get(expression);
  if (known) return known;
  const expr = jsonata(expression, {
    timeout: TRANSFORM_LIMITS.timeoutMs,
    stack: TRANSFORM_LIMITS.stack,
    sequence: TRANSFORM_LIMITS.sequence,
  });
  compiled.set(expression, expr);
  if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
  return expr;
}

/** Why an expression does not compile, with the position JSONata names; null when it does. */
export function transformCompileError(expression: string): string | null {
  try {
    compile(expression);
    return null;
  } catch (err) {
    return describe(err);
  }
}

/** What a transform sees: the envelope object, or for `raw` the data; never a secret or a header. */
export function transformInput(format: PayloadFormat, event: PayloadEvent): unknown {
  const data: unknown = JSON.parse(event.dataText);
  return format === 'raw' ? data : { id: event.id, type: event.type, timestamp: event.occurredAt.toISOString(), data };
}

export type TransformOutcome = { body: string } | { error: string };

/** Runs a transform within its bounds: the body is its result, a JSON object of at most outputBytes. */
export async function runTransform(expression: string, input: unknown): Promise<TransformOutcome> {
  let result: unknown;
  try {
    result = await compile(expression).evaluate(input);
  } catch (err) {
    return { error: `the transform failed: ${describe(err)}` };
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result))
    return {
      error: `the transform must give a JSON object; it gave ${result === undefined ? 'nothing' : Array.isArray(result) ? 'an array' : typeof result}`,
    };
  const body = JSON.stringify(result);
  const size = Buffer.byteLength(body);
  if (size > TRANSFORM_LIMITS.outputBytes)
    return { error: `the transform's result is ${size} bytes; at most ${TRANSFORM_LIMITS.outputBytes} are sent` };
  return { body };
}
