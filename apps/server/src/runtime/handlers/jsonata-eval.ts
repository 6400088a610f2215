import { own } from '@junction/process-model';
import jsonata from 'jsonata';
import type { RunContext, RunDocument } from '../types.ts';
import { capRanges, GUARDED_BUILT_INS, MAX_ITEMS } from './jsonata-limits.ts';
import { LinearRegexEngine, regexLiteralProblem } from './jsonata-regex.ts';

/** JSONata has recursion, so an expression could run forever or overflow the stack. */
const EVALUATION_BUDGET_MS = 5_000;
const MAX_DEPTH = 500;

/**
 * Compiles an expression with jsonata's own guardrails (time budget, evaluation
 * depth), regex literals on the linear-time engine (jsonata-regex.ts) and the
 * limits that keep single built-in calls short (jsonata-limits.ts). A syntax error or a refused
 * regex comes back as an Error value, so the caller can fail documents rather
 * than the process.
 */
export function compileJsonata(expression: string): jsonata.Expression | Error {
  try {
    const compiled = jsonata(expression, {
      timeout: EVALUATION_BUDGET_MS,
      stack: MAX_DEPTH,
      RegexEngine: LinearRegexEngine as unknown as RegExpConstructor,
    });
    for (const [name, builtIn] of Object.entries(GUARDED_BUILT_INS)) {
      compiled.assign(name, builtIn);
    }
    capRanges(compiled.ast());
    return regexLiteralProblem(compiled.ast()) ?? compiled;
  } catch (error) {
    return asError(error);
  }
}

/** jsonata's limit codes, said in words a process designer can act on. */
const LIMIT_MESSAGES: Readonly<Record<string, string>> = {
  D1012: `Time limit: the expression ran for more than ${EVALUATION_BUDGET_MS / 1_000} s.`,
  D2014: `Too large: a range or $append may make at most ${MAX_ITEMS.toLocaleString('en')} items.`,
};

/** jsonata throws plain objects with a code and message; this makes them Errors. */
export function asError(error: unknown): Error {
  if (error instanceof Error) {
    return error;
  }
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  const limit = LIMIT_MESSAGES[String(code)];
  if (limit !== undefined) {
    return new Error(limit);
  }
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
