import {
  outgoingByPort,
  outputPorts,
  own,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';
import { appendAll } from './append.ts';
import { earlyOutputs } from './early-outputs.ts';
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

/*
 * Batches are let go as soon as the next shape has taken them. An async function's
 * frame keeps its parameters and locals until it returns, even those it will not read
 * again, so a frame that awaits the paths after a shape must never have held that
 * shape's documents: they are handed over in boxes (`Batch`, `Ran.result`, the
 * runner's copy of the outputs) that the taker empties, inside functions that return
 * before the paths run. Otherwise a million documents stay in memory once per shape
 * down the path (the split's records while the Map, Decision, … run).
 */

/** Documents on their way to a shape; the shape empties it as it takes them. */
interface Batch {
  docs: RunDocument[] | undefined;
}

/** A shape that has run: what its paths need, its result until they take it. */
interface Ran {
  shape: Shape;
  handler: AnyShapeHandler;
  ctx: RunContext;
  errors: DocumentError[];
  result: ShapeResult | undefined;
}

/** Takes a port's documents out of the runner's copy of the outputs and runs its path. */
function handOn(outputs: Map<string, RunDocument[]>, port: string, runPath: PathRunner) {
  const docs = outputs.get(port) ?? [];
  outputs.delete(port);
  return runPath(port, docs);
}

/**
 * The default path order: every port in `outputPorts` order, each to completion
 * (§2, §6). `outputs` is the runner's own copy, emptied port by port.
 */
async function runPortsInOrder(
  shape: Shape,
  outputs: Map<string, RunDocument[]>,
  runPath: PathRunner,
) {
  const errors: DocumentError[] = [];
  for (const port of outputPorts(shape)) {
    appendAll(errors, await handOn(outputs, port.id, runPath));
  }
  return errors;
}

const NO_DOCUMENTS: readonly RunDocument[] = Object.freeze([]);

/** Whether the listener reads a shape's inputs and outputs (`RunListener.documents`). */
function listenedSides(listener: RunListener) {
  const listened = listener.documents;
  if (!listened) {
    return { inputs: () => true, outputs: () => true };
  }
  const inputsOf = new Set(listened.inputsOf);
  const outputsOf = new Set(listened.outputsOf);
  return {
    inputs: (shapeId: string) => inputsOf.has(shapeId),
    outputs: (shapeId: string) => outputsOf.has(shapeId),
  };
}

/**
 * Adds a shape's output documents to the bytes produced (Test mode) and, while a
 * shape that reads lineage drives its paths, to the lineage. A small function with
 * an indexed loop: it runs once per document, and V8 optimises it alone, apart from the
 * async traversal around it.
 */
function countOutputs(execution: Execution, docs: readonly RunDocument[]): void {
  const recordLineage = execution.lineageReaders > 0;
  // Only Test mode's limit reads the bytes; counting them would write every kept
  // value's text (json-document.ts), which an execution may never need.
  const countBytes = execution.limits !== undefined;
  let bytes = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as RunDocument;
    if (countBytes) {
      bytes += doc.data.length;
    }
    if (recordLineage && doc.parentId !== undefined && doc.parentId !== doc.id) {
      execution.parents.set(doc.id, doc.parentId);
    }
  }
  execution.produced.bytes += bytes;
}

/**
 * The shape's paths: its own `paths` when it has one, else every port in order.
 * Lineage is recorded while a shape that reads it drives its paths. Not itself
 * async, so no frame of it holds `result` while the paths run.
 */
function runPaths(execution: Execution, ran: Ran, runPath: PathRunner): Promise<DocumentError[]> {
  const { handler, shape, ctx } = ran;
  const result = ran.result as ShapeResult;
  ran.result = undefined;
  if (!handler.paths) {
    return runPortsInOrder(shape, new Map(result.outputs), runPath);
  }
  if (!handler.readsLineage) {
    return handler.paths(shape, result, runPath, ctx);
  }
  execution.lineageReaders++;
  return handler.paths(shape, result, runPath, ctx).finally(() => {
    execution.lineageReaders--;
  });
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
  // Indexed once: a port's path is looked up per batch, and a Route wired on many keys
  // would otherwise search its connections once per port.
  const outgoing = outgoingByPort(process);
  const log: RunLogEntry[] = [];
  const open = new Set<DocumentError>();
  const returned = new Map<string, RunDocument[]>();
  const listened = listenedSides(listener);

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

  /** Runs a shape on a batch, then its paths (see `Batch` for why the batch is boxed). */
  async function runShape(shapeId: string, batch: Batch): Promise<DocumentError[]> {
    const ran = await takeBatch(shapeId, batch);
    const downstream = await runPaths(execution, ran, pathRunner(shapeId));
    return [...ran.errors, ...downstream];
  }

  /** Hands a shape's output documents on a port to the shape that port leads to. */
  function pathRunner(shapeId: string): PathRunner {
    return (port, docs) => {
      const connection = outgoing.get(shapeId)?.get(port);
      // A path that receives no documents does not run (Boomi's zero-document rule).
      if (!connection || docs.length === 0) {
        return Promise.resolve([]);
      }
      const carried = (own(connections, connection.id) ?? 0) + docs.length;
      setOwn(connections, connection.id, carried);
      listener.connectionCarried?.(connection.id, carried);
      return runShape(connection.to.shape, { docs });
    };
  }

  /** Tells the listener a shape starts on `batch`; returns how many documents it holds. */
  function announce(shapeId: string, batch: Batch): number {
    const docs = batch.docs ?? [];
    listener.shapeStarted?.(shapeId, listened.inputs(shapeId) ? docs : NO_DOCUMENTS, docs.length);
    return docs.length;
  }

  /**
   * Empties the box into the handler's hands: an array of its own when it consumes
   * its inputs, so the batch as it arrived is held by no one here.
   */
  function handOver(batch: Batch, handler: AnyShapeHandler): RunDocument[] {
    const docs = batch.docs ?? [];
    batch.docs = undefined;
    return handler.consumesInputs ? docs.slice() : docs;
  }

  /**
   * The shape itself on its batch: pause, handler, stats, listener, limits. The
   * batch is read only through `batch` and small functions, never into a local: this
   * frame lives until the handler returns (see `Batch`).
   */
  async function takeBatch(shapeId: string, batch: Batch): Promise<Ran> {
    if (signal.aborted) {
      throw cancelled();
    }
    const shape = own(process.shapes, shapeId);
    // Breakpoints name shapes of the process under test, not of the processes it calls.
    const debugging = input.depth === 0 ? execution.debugging : undefined;
    if (debugging) {
      batch.docs = await pauseBefore(
        debugging,
        shapeId,
        shape?.label || `shape ${shapeId}`,
        batch.docs ?? [],
        signal,
        (message) => note(shapeId, message),
      );
    }
    const handler: AnyShapeHandler | undefined = shape && handlerFor(shape.kind);
    // A shape reached by several paths runs once per arriving batch; stats add up.
    const stats = statsFor(shapeId);
    stats.status = 'running';
    const count = announce(shapeId, batch);
    stats.documentsIn += count;
    const logs: LogEntry[] = [];
    const ctx: RunContext = {
      ...base,
      shapeId,
      documentCount: count,
      log: (level, message, documentId) => {
        const entry: LogEntry =
          documentId === undefined ? { level, message } : { level, message, documentId };
        logs.push(entry);
        log.push({ shapeId, ...entry });
        listener.shapeLogged?.(shapeId, entry);
      },
    };
    const early =
      listener.shapeEmitting && listened.outputs(shapeId)
        ? earlyOutputs(shapeId, listener)
        : undefined;
    if (early) {
      ctx.emitting = early.emit;
      ctx.withdrawing = early.withdraw;
    }
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
      result = await handler.run(shape, handOver(batch, handler), ctx);
      addElapsed(stats, began);
    } catch (error) {
      addElapsed(stats, began);
      const halt =
        error instanceof RunHalt ? error : new RunHalt('error', (error as Error).message);
      // A shape that failed, or was cut off, gives no outputs.
      early?.settle(undefined);
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
    early?.settle(result);
    listener.shapeFinished?.(
      shapeId,
      stats,
      // The same logs array: lines written while the paths run still reach the listener's.
      listened.outputs(shapeId) ? result : { ...result, outputs: new Map() },
    );
    const limits = execution.limits;
    if (limits && execution.produced.bytes > limits.bytesPerRun) {
      throw processError(
        `Test mode stops a run after ${Math.round(limits.bytesPerRun / 1024 / 1024)} MB of documents; this one produced more by ${shape.label || shape.kind}. Test with less data, or raise JUNCTION_TEST_MAX_BYTES.`,
      );
    }
    if (result.endRun) {
      throw new RunHalt('return', 'Stop: end and return');
    }
    return { shape, handler, ctx, errors: result.errors, result };
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
    await runShape(start[0], { docs: [] });
  } catch (error) {
    const halt = error instanceof RunHalt ? error : new RunHalt('error', (error as Error).message);
    return finish(signal.aborted ? cancelled() : halt);
  }
  return finish();
}
