import { own, type ProcessDocument, trackedSide } from '@junction/process-model';
import type { ListenedDocuments, RunDocument, RunLogEntry, ShapeResult } from '@junction/runtime';
import type {
  DocumentRowInput,
  RunDocumentRepository,
  StoredDocumentRow,
} from '../repositories/run-document-repository.ts';
import { redactNullable, redactProperties, redactSecrets } from './redact-secrets.ts';
import type { RunLogger } from './run-logger.ts';
import { writtenBatches } from './written-batches.ts';

/** Rows per INSERT: large enough to amortise the round trip, small enough to stream. */
export const DOCUMENT_BATCH_SIZE = 2_000;

/**
 * How long rows a shape handed over early wait for a full batch. A connector that pages
 * slowly would otherwise show nothing in the inspector until its last page (or 2,000
 * rows); a fast one fills its batches well within this.
 */
export const EARLY_ROWS_WAIT_MS = 500;

/** Single rows refused one after another before storage counts as down for the run. */
const STORE_DOWN_AFTER = 5;

/** Refused rows told one by one in the run's log; beyond, one line counts the rest. */
const REFUSALS_LOGGED = 20;

/**
 * What a run keeps: Test mode keeps every shape's documents (Boomi's Shape Source
 * Data); an execution keeps only the tracked ones, as Process Reporting does:
 * Start's output and each connector's Tracking Direction side (§7.3), plus every
 * document in error so a failure can be read.
 */
export type RecordingScope = { keep: 'all' } | { keep: 'tracked'; process: ProcessDocument };

/**
 * The shapes whose documents a scope keeps, for the run's listener to ask only for
 * those (`RunListener.documents`); undefined when it keeps every shape's. Documents
 * in error are handed to the listener whatever this says.
 */
export function listenedDocuments(scope: RecordingScope): ListenedDocuments | undefined {
  if (scope.keep === 'all') {
    return undefined;
  }
  const sides = Object.entries(scope.process.shapes).map(([id, shape]) => ({
    id,
    side: trackedSide(shape),
  }));
  return {
    inputsOf: sides.filter((s) => s.side === 'in').map((s) => s.id),
    outputsOf: sides.filter((s) => s.side === 'out').map((s) => s.id),
  };
}

/**
 * Keeps what the shapes of a run took in and gave out, within `scope`. Rows are
 * buffered and written in batches, one write at a time, while the run goes on (rows
 * a shape handed over early within EARLY_ROWS_WAIT_MS, so the inspector shows a slow
 * connector's records as they come); `finish` waits for the last batch. A storage
 * failure never fails the run: a row the store refuses is told in the run's log and
 * the rest of its batch is stored.
 */
export function createDocumentRecorder(deps: {
  store: RunDocumentRepository;
  accountId: string;
  runId: string;
  log: RunLogger;
  scope: RecordingScope;
  batchSize?: number;
  /** EARLY_ROWS_WAIT_MS unless given. */
  earlyRowsWaitMs?: number;
}) {
  const batchSize = deps.batchSize ?? DOCUMENT_BATCH_SIZE;
  const earlyRowsWaitMs = deps.earlyRowsWaitMs ?? EARLY_ROWS_WAIT_MS;
  let earlyRowsTimer: ReturnType<typeof setTimeout> | undefined;
  // Set by `finish`: rows that come after it are not written (as before it, by a timer).
  let finished = false;
  const { scope } = deps;
  const keeps = (shapeId: string, side: 'in' | 'out') => {
    if (scope.keep === 'all') {
      return true;
    }
    const shape = own(scope.process.shapes, shapeId);
    return shape !== undefined && trackedSide(shape) === side;
  };
  let seq = 0;
  let buffer: DocumentRowInput[] = [];
  let writing: Promise<void> = Promise.resolve();
  // Set when storage itself is down (every row refused): the rest is not attempted.
  let failed = false;
  let storedRows = 0;
  /** Rows the store refused, each told in the run's log at the end. */
  const refused: { row: DocumentRowInput; reason: string }[] = [];
  const refusedSeqs = new Set<number>();

  const refuse = (row: DocumentRowInput, error: unknown) => {
    refusedSeqs.add(row.seq);
    refused.push({ row, reason: error instanceof Error ? error.message : String(error) });
  };

  /**
   * A batch the store refused is tried again row by row, so one bad row (text the
   * database cannot hold) costs only itself: the others are stored and the refusal is
   * recorded. A row pointing at a refused body is refused with it. Rows refused one
   * after another mean the store is down, and the rest of the run is not attempted.
   */
  const rowByRow = async (rows: DocumentRowInput[], batchError: unknown) => {
    let inARow = 0;
    for (const r of rows) {
      if ('sameAs' in r && refusedSeqs.has(r.sameAs)) {
        refuse(r, `the body it repeats (row ${r.sameAs}) was refused`);
        continue;
      }
      try {
        await deps.store.insertDocuments(deps.accountId, deps.runId, [r]);
        storedRows += 1;
        inARow = 0;
      } catch (error) {
        refuse(r, error);
        inARow += 1;
        if (inARow >= STORE_DOWN_AFTER) {
          failed = true;
          deps.log.error({ err: batchError, runId: deps.runId }, 'could not store run documents');
          return;
        }
      }
    }
  };

  const written = writtenBatches();
  /** Writes what is buffered, full batch or not. */
  const writeBuffer = () => {
    clearTimeout(earlyRowsTimer);
    earlyRowsTimer = undefined;
    write(buffer);
    buffer = [];
  };
  /** Buffered rows go out within `earlyRowsWaitMs`, full batch or not. */
  const writeSoon = () => {
    if (!finished && earlyRowsTimer === undefined && buffer.length > 0) {
      earlyRowsTimer = setTimeout(writeBuffer, earlyRowsWaitMs);
      earlyRowsTimer.unref();
    }
  };
  const write = (rows: DocumentRowInput[]) => {
    written.add(rows);
    writing = writing.then(async () => {
      if (failed || rows.length === 0) {
        return;
      }
      try {
        await deps.store.insertDocuments(deps.accountId, deps.runId, rows);
        storedRows += rows.length;
      } catch (error) {
        await rowByRow(rows, error);
      }
    });
  };

  // Documents already stored, with the seq of the row holding their body. Shapes
  // never change a document or its property map in place, so the same object with
  // the same data and map is the same body (a Stop's input is its upstream's output).
  const stored = new WeakMap<RunDocument, { seq: number; data: string; properties: object }>();

  // Outputs stored before their shape finished (`RunListener.shapeEmitting`), with
  // their rows' seqs, until the shape's result holds them or they are withdrawn.
  const early = new Map<RunDocument, { seq: number; shapeId: string }>();
  // Seq ranges of written batches whose every row was taken back: their chunks go at
  // the finish, so no reader is ever between reading such a row and its chunk.
  const emptiedBatches: [number, number][] = [];
  /** Rows taken back that the store could not remove, told in the run's log. */
  const unremoved: { shapeId: string; count: number; reason: string }[] = [];

  /** Stores a row for `doc`; returns its seq. */
  const row = (
    shapeId: string,
    direction: StoredDocumentRow['direction'],
    doc: RunDocument,
    port: string | null,
    error: string | null,
  ): number => {
    const own = {
      seq: ++seq,
      shapeId,
      direction,
      port,
      documentId: doc.id,
      parentId: doc.parentId ?? null,
      error: redactNullable(error),
    };
    const earlier = stored.get(doc);
    if (earlier && earlier.data === doc.data && earlier.properties === doc.properties) {
      buffer.push({ ...own, sameAs: earlier.seq });
    } else {
      stored.set(doc, { seq: own.seq, data: doc.data, properties: doc.properties });
      // Copied now, so the stored body is the document as this shape saw it; a
      // token the run created flows on in memory but is never stored.
      buffer.push({
        ...own,
        data: redactSecrets(doc.data),
        properties: redactProperties(doc.properties),
      });
    }
    if (buffer.length >= batchSize) {
      writeBuffer();
    }
    return own.seq;
  };

  /**
   * Takes back the rows stored early for `docs`: those still buffered are dropped,
   * those written are deleted after the writes before them (with the chunks of any
   * batch now wholly taken back). Nothing later repeats their bodies: no other shape
   * has seen them.
   */
  const withdraw = (docs: Iterable<RunDocument>) => {
    const seqs = new Set<number>();
    let shapeId = '';
    for (const doc of docs) {
      const held = early.get(doc);
      if (held === undefined) {
        continue;
      }
      early.delete(doc);
      seqs.add(held.seq);
      shapeId = held.shapeId;
      if (stored.get(doc)?.seq === held.seq) {
        stored.delete(doc);
      }
    }
    if (seqs.size === 0) {
      return;
    }
    // Still buffered: never written, so nothing to delete.
    buffer = buffer.filter((r) => !seqs.delete(r.seq));
    if (seqs.size === 0) {
      return;
    }
    const rows = [...seqs];
    emptiedBatches.push(...written.takeBack(rows));
    writing = writing.then(async () => {
      // Their writes came first, so any refusal of them is known: none is told.
      for (let i = refused.length - 1; i >= 0; i--) {
        if (seqs.has(refused[i]!.row.seq)) {
          refused.splice(i, 1);
        }
      }
      try {
        storedRows -= await deps.store.deleteDocuments(deps.accountId, deps.runId, rows);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        unremoved.push({ shapeId, count: rows.length, reason });
        deps.log.error({ err: error, runId: deps.runId }, 'could not remove withdrawn documents');
      }
    });
  };

  return {
    inputs(shapeId: string, documents: readonly RunDocument[]): void {
      if (!keeps(shapeId, 'in')) {
        return;
      }
      for (const doc of documents) {
        row(shapeId, 'in', doc, null, null);
      }
    },
    /** Outputs given before the shape finished: stored now, provisionally. */
    emitting(shapeId: string, port: string, documents: readonly RunDocument[]): void {
      if (!keeps(shapeId, 'out')) {
        return;
      }
      for (const doc of documents) {
        early.set(doc, { seq: row(shapeId, 'out', doc, port, null), shapeId });
      }
      writeSoon();
    },
    /** Outputs given early that will not leave their shape after all. */
    withdrawing(_shapeId: string, documents: readonly RunDocument[]): void {
      withdraw(documents);
    },
    result(shapeId: string, result: ShapeResult | undefined): void {
      for (const [port, docs] of keeps(shapeId, 'out') ? (result?.outputs ?? []) : []) {
        for (const doc of docs) {
          // Stored already when it was emitted.
          if (!early.delete(doc)) {
            row(shapeId, 'out', doc, port, null);
          }
        }
      }
      for (const error of result?.errors ?? []) {
        row(shapeId, 'error', error.document, null, error.message);
      }
    },
    /**
     * Writes what is buffered and the run's log, with a line for each document the
     * store refused; resolves with the documents stored.
     */
    async finish(log: readonly RunLogEntry[]): Promise<number> {
      // A shape that never finished (the run was cancelled or its thread stopped
      // mid-call) gave no outputs: what it handed over early is taken back.
      withdraw([...early.keys()]);
      finished = true;
      writeBuffer();
      await writing;
      if (emptiedBatches.length > 0) {
        await deps.store
          .deleteChunkRanges(deps.accountId, deps.runId, emptiedBatches)
          .catch((error: unknown) =>
            deps.log.error({ err: error, runId: deps.runId }, 'could not remove unused chunks'),
          );
      }
      const entries = [...log, ...refusalLog()];
      for (let i = 0; i < entries.length; i += batchSize) {
        const rows = entries.slice(i, i + batchSize).map((entry, j) => ({
          seq: i + j + 1,
          shapeId: entry.shapeId,
          level: entry.level,
          message: redactSecrets(entry.message),
          documentId: entry.documentId ?? null,
        }));
        await deps.store
          .insertLogs(deps.accountId, deps.runId, rows)
          .catch((error: unknown) =>
            deps.log.error({ err: error, runId: deps.runId }, 'could not store run log'),
          );
      }
      return storedRows;
    },
  };

  /** The run-log lines that say which documents were not stored, and why. */
  function refusalLog(): RunLogEntry[] {
    const lines: RunLogEntry[] = refused.slice(0, REFUSALS_LOGGED).map(({ row, reason }) => ({
      shapeId: row.shapeId,
      level: 'error',
      message: `Document ${row.documentId} (${row.direction} of ${row.shapeId}) could not be stored: ${reason}`,
      documentId: row.documentId,
    }));
    if (refused.length > REFUSALS_LOGGED) {
      const first = refused[0]!.row;
      lines.push({
        shapeId: first.shapeId,
        level: 'error',
        message: `${refused.length - REFUSALS_LOGGED} more documents could not be stored.`,
      });
    }
    for (const { shapeId, count, reason } of unremoved) {
      lines.push({
        shapeId,
        level: 'error',
        message: `${count} documents taken back from ${shapeId} (its call failed) could not be removed from the stored run: ${reason}`,
      });
    }
    if (failed) {
      lines.push({
        shapeId: refused[0]?.row.shapeId ?? '',
        level: 'error',
        message: "The run's documents could not be stored from here on: storage refused every row.",
      });
    }
    return lines;
  }
}

export type DocumentRecorder = ReturnType<typeof createDocumentRecorder>;
