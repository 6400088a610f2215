import type jsonata from 'jsonata';
import { processError } from '../halt.ts';
import type { RunContext, RunDocument } from '../types.ts';

/** JSONata has recursion, so an expression could run forever; one evaluation gets this long. */
const EVALUATION_BUDGET_MS = 5_000;

/**
 * Evaluates a compiled JSONata expression over one document with `$property(name)`
 * (document properties) and `$processProperty(name)` bound. A time budget and the
 * run's cancellation are checked on every evaluation step.
 */
export async function evaluateJsonata(
  expression: jsonata.Expression,
  input: unknown,
  doc: RunDocument,
  ctx: RunContext,
): Promise<unknown> {
  const deadline = Date.now() + EVALUATION_BUDGET_MS;
  expression.assign('property', (name: string) => doc.properties[name]);
  expression.assign('processProperty', (name: string) => ctx.processProperties.get(name));
  // jsonata calls these hooks around every step; throwing aborts the evaluation.
  expression.assign('__evaluate_entry', () => {
    if (ctx.signal.aborted) {
      throw processError('The run was cancelled.');
    }
    if (Date.now() > deadline) {
      throw new Error(`The expression ran longer than ${EVALUATION_BUDGET_MS / 1000} s.`);
    }
  });
  expression.assign('__evaluate_exit', () => undefined);
  return expression.evaluate(input);
}
