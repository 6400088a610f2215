import { EXECUTION_PROPERTY_NAMES } from '@junction/process-model';
import { deriveDocument } from '../documents.ts';
import { executionProperty } from '../properties.ts';
import { isRejected, type ScriptDocument } from '../script-output.ts';
import { runScript } from '../script-sandbox.ts';
import type { DocumentError, RunContext, RunDocument } from '../types.ts';

export interface CustomScriptResult {
  docs: RunDocument[];
  /** Inputs failed by a malformed output entry that names them (or the first input). */
  errors: DocumentError[];
}

/**
 * A Custom Scripting step: runs the script over the batch in the sandbox, applies
 * the dynamic process properties it set (persisting those it asked to), copies its
 * log lines to the shape's log, and returns the documents it stored. A stored
 * document keeps the id of the input it was read from when it is the only one made
 * from it; otherwise it is a new document with that input as parent. A malformed
 * output entry fails the input it was made from, and nothing else.
 */
export async function runCustomScript(
  source: string,
  docs: RunDocument[],
  ctx: RunContext,
): Promise<CustomScriptResult> {
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
  const stored: ScriptDocument[] = [];
  const errors: DocumentError[] = [];
  for (const entry of output.documents) {
    // Output not traceable to one input counts as made from the first.
    const from = docs[entry.source] ?? docs[0];
    if (!isRejected(entry)) {
      stored.push(entry);
    } else if (from) {
      errors.push({ document: from, message: `Custom script: ${entry.problem}.` });
    }
  }
  return { docs: toRunDocuments(stored, docs, ctx), errors };
}

function toRunDocuments(stored: ScriptDocument[], docs: RunDocument[], ctx: RunContext) {
  const perSource = new Map<number, number>();
  for (const { source } of stored) {
    perSource.set(source, (perSource.get(source) ?? 0) + 1);
  }
  return stored.flatMap((entry) => {
    const own = docs[entry.source];
    const source = own ?? docs[0];
    if (!source) {
      return [];
    }
    return own && perSource.get(entry.source) === 1
      ? [{ ...source, data: entry.data, properties: entry.properties }]
      : [deriveDocument(source, entry.data, ctx, entry.properties)];
  });
}
