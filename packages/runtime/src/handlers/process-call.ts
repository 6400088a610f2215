import { outputPorts, type ProcessDocument } from '@junction/process-model';
import { appendAll } from '../append.ts';
import { processError, RunHalt } from '../halt.ts';
import { succeeded } from '../run-status.ts';
import type {
  DocumentError,
  RunContext,
  RunDocument,
  RunOutcome,
  ShapeHandler,
  ShapeResult,
} from '../types.ts';

function isPassthrough(child: ProcessDocument): boolean {
  return Object.values(child.shapes).some(
    (s) => s.kind === 'start' && s.config.mode === 'passthrough',
  );
}

/** A failed child: cancel stays a cancel; otherwise a process error or failed documents. */
function failure(
  child: ProcessDocument,
  outcome: RunOutcome,
  abort: boolean,
): RunHalt | string | null {
  if (succeeded(outcome.status)) {
    return null;
  }
  if (outcome.status === 'aborted') {
    return new RunHalt('cancel', 'The run was cancelled.');
  }
  // The child's own first document error says more than "Some documents failed.".
  const detail = outcome.failedDocuments?.[0]?.message ?? outcome.error ?? 'unknown error';
  const message = `Process "${child.name}" failed: ${detail}`;
  return abort ? processError(message) : message;
}

/**
 * Process Call (§3.3): a Data Passthrough child gets every document at the shape in
 * one execution; any other child runs once per document without it. The child
 * shares process properties and caches. What its Return Documents shapes collect
 * leaves on the path of that label; a child without return paths lets the input
 * documents pass on. A failed child fails the parent (abort) or the documents that
 * went into it (catchable). Without "wait" (non-passthrough only) the children run
 * in the background, the documents move on, and a failure with abort fails the
 * execution at its end (conflict (e) settled as "reported after all ran").
 */
export const processCallHandler: ShapeHandler<'process-call'> = {
  async run(shape, inputs, ctx) {
    const { processId, wait, abortOnFailure, returnPaths } = shape.config;
    const child = await ctx.loadProcess(processId);
    const passthrough = isPassthrough(child);
    const runs: Array<{ docs: RunDocument[]; start: RunDocument[] | undefined }> = passthrough
      ? [{ docs: inputs, start: inputs }]
      : inputs.map((doc) => ({ docs: [doc], start: undefined }));
    if (!passthrough && !wait) {
      for (const { docs } of runs) {
        ctx.background(runInBackground(child, docs, abortOnFailure, ctx));
      }
      ctx.log('info', `Started ${runs.length} run(s) of "${child.name}" without waiting.`);
      return { outputs: new Map([['default', inputs]]), errors: [] };
    }
    const returned = new Map<string, RunDocument[]>();
    const errors: DocumentError[] = [];
    const subprocesses: RunOutcome[] = [];
    for (const { docs, start } of runs) {
      const run = await ctx.runSubprocess(child, start);
      subprocesses.push(run.outcome);
      const failed = failure(child, run.outcome, abortOnFailure);
      if (failed instanceof RunHalt) {
        throw failed;
      }
      if (run.outcome.status === 'complete-warn') {
        ctx.log('warning', `Process "${child.name}" completed with warnings.`);
      }
      if (failed) {
        appendAll(
          errors,
          docs.map((document) => ({ document, message: failed })),
        );
        continue;
      }
      // Appended in place: a child run per document would otherwise copy everything
      // returned so far at each run, quadratic in the documents.
      for (const [label, documents] of run.returned) {
        let kept = returned.get(label);
        if (kept === undefined) {
          kept = [];
          returned.set(label, kept);
        }
        appendAll(kept, documents);
      }
    }
    const result: ShapeResult = { outputs: new Map(), errors, subprocesses };
    if (returnPaths.length === 0) {
      const failedIds = new Set(errors.map((e) => e.document.id));
      result.outputs.set(
        'default',
        inputs.filter((doc) => !failedIds.has(doc.id)),
      );
      return result;
    }
    const ports = new Set(outputPorts(shape).map((p) => p.id));
    for (const [label, documents] of returned) {
      if (ports.has(label)) {
        result.outputs.set(label, documents);
      } else {
        ctx.log(
          'warning',
          `${documents.length} document(s) returned on "${label}", which this shape has no path for.`,
        );
      }
    }
    return result;
  },
};

async function runInBackground(
  child: ProcessDocument,
  docs: RunDocument[],
  abort: boolean,
  ctx: RunContext,
): Promise<void> {
  const run = await ctx.runSubprocess(child, undefined);
  const failed = failure(child, run.outcome, abort);
  if (failed instanceof RunHalt) {
    throw failed;
  }
  if (failed) {
    ctx.log('error', failed, docs[0]?.id);
  } else if (run.outcome.status === 'complete-warn') {
    ctx.log('warning', `Process "${child.name}" completed with warnings.`);
  }
}
