import { EXECUTION_PROPERTY_NAMES } from '@junction/process-model';
import { deriveDocument } from '../documents.ts';
import { executionProperty } from '../properties.ts';
import { runScript } from '../script-sandbox.ts';
import type { RunContext, RunDocument } from '../types.ts';

/**
 * A Custom Scripting step: runs the script over the batch in the sandbox, applies
 * the dynamic process properties it set (persisting those it asked to), copies its
 * log lines to the shape's log, and returns the documents it stored. A stored
 * document keeps the id of the input it was read from when it is the only one made
 * from it; otherwise it is a new document with that input as parent.
 */
export async function runCustomScript(
  source: string,
  docs: RunDocument[],
  ctx: RunContext,
): Promise<RunDocument[]> {
  const executionProperties = Object.fromEntries(
    EXECUTION_PROPERTY_NAMES.map((name) => [name, executionProperty(name, ctx)]),
  );
  const output = await runScript(
    source,
    {
      documents: docs.map(({ data, properties }) => ({ data, properties })),
      processProperties: Object.fromEntries(ctx.processProperties),
      executionProperties,
    },
    ctx.scriptLimits,
    ctx.signal,
  );
  for (const { name, value, persist } of output.processProperties) {
    ctx.processProperties.set(name, value);
    if (persist) {
      await ctx.persistProcessProperty(name, value);
    }
  }
  for (const line of output.logs) {
    ctx.log(line.level, line.message);
  }
  const perSource = new Map<number, number>();
  for (const stored of output.documents) {
    perSource.set(stored.source, (perSource.get(stored.source) ?? 0) + 1);
  }
  return output.documents.flatMap((stored) => {
    const own = docs[stored.source];
    // Output not traceable to one input (a returned string) counts as made from the first.
    const source = own ?? docs[0];
    if (!source) {
      return [];
    }
    return own && perSource.get(stored.source) === 1
      ? [{ ...source, data: stored.data, properties: stored.properties }]
      : [deriveDocument(source, stored.data, ctx, stored.properties)];
  });
}
