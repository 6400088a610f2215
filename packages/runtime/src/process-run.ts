import {
  outgoingByShape,
  outputPorts,
  own,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';
import { appendAll } from './append.ts';
import type { Execution } from './execution.ts';
import { processError, RunHalt } from './halt.ts';
import { handlerFor } from './handlers/registry.ts';
import { keyedRecord, setOwn } from './keyed-record.ts';
import { pauseBefore } from './pause.ts';
import { createBaseContext } from './run-context.ts';
import { withWarnings } from './run-status.ts';
import type {
  AnyShapeHandler,
  DocumentError,
  LogEntry,
  PathRunner,
  RunContext,
  RunDocument,
  RunListener,
  RunLogEntry,
  RunOutcome,
  ShapeResult,
  ShapeStats,
  SubprocessRun,
} from './types.ts';

export interface ProcessRunInput {
  process: ProcessDocument;
  execution: Execution;
  startDocuments: RunDocument[] | undefined;
  listener: RunListener;
  depth: number;
}

/** Adds the time since `began` to the shape's own time, to a hundredth of a millisecond. */
function addElapsed(stats: ShapeStats, began: number): void {
  stats.elapsedMs = Math.round((stats.elapsedMs + performance.now() - began) * 100) / 100;
}

function cancelled(): RunHalt {
  return new RunHalt('cancel', 'The run was cancelled.');
}

/** The default path order: every port in `outputPorts` order, each to completion (§2, §6). */
async function runPortsInOrder(shape: Shape, result: ShapeResult, runPath: PathRunner) {
  const errors: DocumentError[] = [];
  for (const port of outputPorts(shape)) {
    appendAll(errors, await runPath(port.id, result.outputs.get(port.id) ?? []));
  }
  return errors;
}

/**
 * Adds a shape's output documents to the bytes produced and, while a shape that
 * reads lineage drives its paths, to the lineage. A small function with an indexed
 * loop: it runs once per document, and V8 optimises it alone, apart from the
 * async traversal around it.
 */
function countOutputs(execution: Execution, docs: readonly RunDocument[]): void {
  const recordLineage = execution.lineageReaders > 0;
  let bytes = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as RunDocument;
    bytes += doc.data.length;
    if (recordLineage && doc.parentId !== undefined && doc.parentId !== doc.id) {
      execution.parents.set(doc.id, doc.parentId);
    }
  }
  execution.produced.bytes += bytes;
}

/**
 * The shape's paths: its own `paths` when it has one, else every port in order.
 * Lineage is recorded while a shape that reads it drives its paths.
 */
async function runPaths(
  execution: Execution,
  handler: AnyShapeHandler,
  shape: Shape,
  result: ShapeResult,
  runPath: PathRunner,
  ctx: RunContext,
): Promise<DocumentError[]> {
  if (!handler.paths) {
    return runPortsInOrder(shape, result, runPath);
  }
  if (!handler.readsLineage) {
    return handler.paths(shape, result, runPath, ctx);
  }
  execution.lineageReaders++;
  try {
    return await handler.paths(shape, result, runPath, ctx);
  } finally {
    execution.lineageReaders--;
  }
}

/**
 * Runs one process inside an execution (process-semantics.md §6): a shape takes
 * its whole batch before anything moves on, and its paths run depth first in port
 * order. Document errors bubble up the path they happened on so Branch and
 * Try/Catch can see them; process errors unwind as RunHalt.
 */
export async function runProcess(input: ProcessRunInput): Promise<SubprocessRun> {
  const { process, execution, listener } = input;
  const { signal } = execution;
  // Keyed by ids from the process file: no prototype for an id to reach.
  const shapes = keyedRecord<ShapeStats>();
  const connections = keyedRecord<number>();
  // Indexed once with process-model's kernel: a port's path is looked up per batch.
  const outgoing = outgoingByShape(process);
  const log: RunLogEntry[] = [];
  const open = new Set<DocumentError>();
  const returned = new Map<string, RunDocument[]>();

  const base = createBaseContext(input, returned, open, (child, startDocuments) =>
    runProcess({
      process: child,
      execution,
      startDocuments,
      // A child's shapes are not the parent's; its outcome is reported on the Process Call shape.
      listener: {},
      depth: input.depth + 1,
    }),
  );

  function statsFor(shapeId: string): ShapeStats {
    const stats = own(shapes, shapeId) ?? {
      status: 'running',
      documentsIn: 0,
      documentsOut: 0,
      documentsInError: 0,
      elapsedMs: 0,
    };
    setOwn(shapes, shapeId, stats);
    return stats;
  }

  /** A log line the engine itself writes on a shape (pauses), not one of its handler's. */
  const note = (shapeId: string, message: string) => {
    const entry: LogEntry = { level: 'info', message };
    log.push({ shapeId, ...entry });
    listener.shapeLogged?.(shapeId, entry);
  };

  async function runShape(shapeId: string, arriving: RunDocument[]): Promise<DocumentError[]> {
    if (signal.aborted) {
      throw cancelled();
    }
    const shape = own(process.shapes, shapeId);
    // Breakpoints name shapes of the process under test, not of the processes it calls.
    const debugging = input.depth === 0 ? execution.debugging : undefined;
    const inputs = debugging
      ? await pauseBefore(
          debugging,
          shapeId,
          shape?.label || `shape ${shapeId}`,
          arriving,
          signal,
          (message) => note(shapeId, message),
        )
      : arriving;
    const handler: AnyShapeHandler | undefined = shape && handlerFor(shape.kind);
    // A shape reached by several paths runs once per arriving batch; stats add up.
    const stats = statsFor(shapeId);
    stats.status = 'running';
    stats.documentsIn += inputs.length;
    listener.shapeStarted?.(shapeId, inputs);
    const logs: LogEntry[] = [];
    const ctx: RunContext = {
      ...base,
      shapeId,
      documentCount: inputs.length,
      log: (level, message, documentId) => {
        const entry: LogEntry =
          documentId === undefined ? { level, message } : { level, message, documentId };
        logs.push(entry);
        log.push({ shapeId, ...entry });
        listener.shapeLogged?.(shapeId, entry);
      },
    };
    if (!shape || !handler) {
      stats.status = 'error';
      stats.message = shape
        ? `Shape kind "${shape.kind}" cannot run in this runtime.`
        : `Missing shape "${shapeId}".`;
      listener.shapeFinished?.(shapeId, stats, undefined);
      throw new RunHalt('error', stats.message);
    }
    let result: ShapeResult;
    const began = performance.now();
    try {
      result = await handler.run(shape, inputs, ctx);
      addElapsed(stats, began);
    } catch (error) {
      addElapsed(stats, began);
      const halt =
        error instanceof RunHalt ? error : new RunHalt('error', (error as Error).message);
      if (signal.aborted && halt.outcome === 'error') {
        throw cancelled();
      }
      stats.status = halt.outcome === 'error' ? 'error' : 'done';
      if (halt.outcome === 'error') {
        stats.message = halt.message;
        ctx.log('error', halt.message);
      }
      listener.shapeFinished?.(shapeId, stats, { outputs: new Map(), errors: [], logs });
      throw halt;
    }
    // Shared, not copied: lines written while the shape drives its paths (retries) still land here.
    logs.unshift(...(result.logs ?? []));
    result.logs = logs;
    for (const docs of result.outputs.values()) {
      stats.documentsOut += docs.length;
      countOutputs(execution, docs);
    }
    for (const error of result.errors) {
      open.add(error);
      ctx.log('error', error.message, error.document.id);
    }
    stats.documentsInError += result.errors.length;
    stats.status = stats.documentsInError > 0 ? 'error' : 'done';
    if (result.errors[0] && stats.message === undefined) {
      stats.message = result.errors[0].message;
    }
    listener.shapeFinished?.(shapeId, stats, result);
    const limits = execution.limits;
    if (limits && execution.produced.bytes > limits.bytesPerRun) {
      throw processError(
        `Test mode stops a run after ${Math.round(limits.bytesPerRun / 1024 / 1024)} MB of documents; this one produced more by ${shape.label || shape.kind}. Test with less data, or raise JUNCTION_TEST_MAX_BYTES.`,
      );
    }
    if (result.endRun) {
      throw new RunHalt('return', 'Stop: end and return');
    }
    const runPath: PathRunner = async (port, docs) => {
      const connection = outgoing.get(shapeId)?.find((c) => c.from.port === port);
      // A path that receives no documents does not run (Boomi's zero-document rule).
      if (!connection || docs.length === 0) {
        return [];
      }
      const carried = (own(connections, connection.id) ?? 0) + docs.length;
      setOwn(connections, connection.id, carried);
      listener.connectionCarried?.(connection.id, carried);
      return runShape(connection.to.shape, docs);
    };
    const downstream = await runPaths(execution, handler, shape, result, runPath, ctx);
    return [...result.errors, ...downstream];
  }

  const finish = (halt?: RunHalt): SubprocessRun => {
    const failedDocuments = [...open];
    const outcome: RunOutcome = {
      status: 'complete',
      shapes,
      connections,
      executionId: execution.executionId,
      log,
      failedDocuments,
      returned: Object.fromEntries(returned),
    };
    if (halt && halt.outcome !== 'return') {
      outcome.status = halt.outcome === 'cancel' ? 'aborted' : 'error';
      outcome.error = halt.message;
    } else if (failedDocuments.length > 0) {
      // A run with any document in error is an Error run, as in Boomi's reporting.
      outcome.status = 'error';
      outcome.error = 'Some documents failed.';
    }
    return { outcome: withWarnings(outcome), returned };
  };

  const start = Object.entries(process.shapes).find(([, s]) => s.kind === 'start');
  if (!start) {
    return finish(new RunHalt('error', 'The process has no Start shape.'));
  }
  try {
    await runShape(start[0], []);
  } catch (error) {
    const halt = error instanceof RunHalt ? error : new RunHalt('error', (error as Error).message);
    return finish(signal.aborted ? cancelled() : halt);
  }
  return finish();
}
