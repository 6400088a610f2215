import { own } from '@junction/process-model';
import jsonata from 'jsonata';
import type { RunContext, RunDocument } from '../types.ts';

/** JSONata has recursion, so an expression could run forever or overflow the stack. */
const EVALUATION_BUDGET_MS = 5_000;
const MAX_DEPTH = 500;

/**
 * Compiles an expression with jsonata's own guardrails (time budget, evaluation
 * depth). A syntax error comes back as an Error value, so the caller can fail
 * documents rather than the process.
 */
export function compileJsonata(expression: string): jsonata.Expression | Error {
  try {
    return jsonata(expression, { timeout: EVALUATION_BUDGET_MS, stack: MAX_DEPTH });
  } catch (error) {
    return asError(error);
  }
}

function asError(error: unknown): Error {
  if (error instanceof Error) {
    return error;
  }
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return new Error(typeof message === 'string' ? message : `JSONata error ${String(code)}`);
}

/**
 * Evaluates a compiled expression over one document with `$property(name)`
 * (document properties) and `$processProperty(name)` bound. jsonata throws plain
 * objects with a `message`; they become Errors here.
 */
export async function evaluateJsonata(
  expression: jsonata.Expression | Error,
  input: unknown,
  doc: RunDocument,
  ctx: RunContext,
): Promise<unknown> {
  if (expression instanceof Error) {
    throw expression;
  }
  try {
    return await expression.evaluate(input, {
      property: (name: string) => own(doc.properties, name),
      processProperty: (name: string) => ctx.processProperties.get(name),
    });
  } catch (error) {
    throw asError(error);
  }
}
