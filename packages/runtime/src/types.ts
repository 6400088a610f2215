import type {
  ConnectorOperation,
  ProcessDocument,
  Shape,
  ShapeKind,
  ShapeOfKind,
} from '@junction/process-model';

/** A document: data plus properties (process-semantics.md §4). */
export interface RunDocument {
  /** Stable within a run: lets the inspector follow one document across shapes. */
  id: string;
  data: string;
  properties: Record<string, string>;
  /**
   * The document this one was made from (split, combine, connector response, cache
   * retrieve, …). Shapes that only change a document keep its id instead.
   */
  parentId?: string;
}

export interface DocumentError {
  document: RunDocument;
  message: string;
}

export type LogLevel = 'info' | 'warning' | 'error';

/** One line of a shape's log (Test mode's "Logs" tab). */
export interface LogEntry {
  level: LogLevel;
  message: string;
  /** The document the line is about, when there is one. */
  documentId?: string;
}

/** A log line with the shape that wrote it, for the whole run's log. */
export interface RunLogEntry extends LogEntry {
  shapeId: string;
}

/** What one shape did with its batch: documents per output port, and documents in error. */
export interface ShapeResult {
  outputs: Map<string, RunDocument[]>;
  errors: DocumentError[];
  /** Stop "end and return": finish the whole run after this shape. */
  endRun?: boolean;
  /** The shape's log lines for this batch (filled by the engine from `ctx.log`). */
  logs?: LogEntry[];
  /** Outcomes of subprocess executions a Process Call started for this batch. */
  subprocesses?: RunOutcome[];
}

/** A connector call's failure, already classified; the runtime never sees HTTP. */
export class ConnectorCallError extends Error {
  readonly kind: 'application' | 'failure';
  readonly statusCode: number | undefined;
  readonly body: unknown;
  constructor(
    kind: 'application' | 'failure',
    message: string,
    statusCode?: number,
    body?: unknown,
  ) {
    super(message);
    this.name = 'ConnectorCallError';
    this.kind = kind;
    this.statusCode = statusCode;
    this.body = body;
  }
}

export interface ConnectorRequest {
  id?: string | undefined;
  parentId?: string | undefined;
  body?: unknown;
  filter?: string | undefined;
  /** List field filters: each field equals its value (the client builds the RQL). */
  equals?: Record<string, string> | undefined;
  maxRecords?: number | undefined;
}

/**
 * Records as their source sent them: each page the UTF-8 bytes of a JSON array
 * (undefined for an empty answer). A gateway hands a list over unparsed so that it is
 * parsed where the engine runs (an engine thread, not the host's), and the bytes move
 * there without being copied. While pages are still arriving they are an async
 * iterable, so the engine works on each page as the next one is fetched; it stops
 * iterating (which should stop the fetching) once it has `maxRecords` records.
 */
export interface RecordPages {
  pages: Iterable<Uint8Array | undefined> | AsyncIterable<Uint8Array | undefined>;
  maxRecords?: number | undefined;
}

/** What one connector call produced: its records, or pages of them still to be parsed. */
export type ConnectorRecords = unknown[] | RecordPages;

/** The runtime's only door to the outside world for connector shapes. */
export interface ConnectorGateway {
  /** Runs one operation; resolves to the records it produced. */
  execute(
    operation: ConnectorOperation,
    request: ConnectorRequest,
    signal: AbortSignal,
  ): Promise<ConnectorRecords>;
}

export interface PlatformRequest {
  action: 'get' | 'query' | 'create' | 'update' | 'delete' | 'execute';
  object:
    | 'account'
    | 'environment'
    | 'process'
    | 'deployment'
    | 'execution-record'
    | 'connection'
    | 'token';
  /** Effective account: override property, else the operation's Account ID field; undefined = the connection's own account. */
  accountId: string | undefined;
  id?: string;
  body?: unknown;
  filter?: unknown;
  executeAction?: string;
}

/**
 * The runtime's door to Junction's own Platform API (the Partner API connector).
 * Query pages through every result itself; an account outside the caller's
 * hierarchy is a ConnectorCallError of kind 'application'.
 */
export interface PlatformGateway {
  execute(connectionId: string, request: PlatformRequest, signal: AbortSignal): Promise<unknown[]>;
}

/** Read-only facts about the execution (process-semantics.md §4.2 execution properties). */
export interface ExecutionInfo {
  executionId: string;
  processId: string;
  processName: string;
  testMode: boolean;
  /** Test mode's cap on documents from one inbound connector shape; undefined outside Test mode. */
  documentsPerInbound: number | undefined;
}

/** Persisted dynamic process properties, per process (Set Properties "Persist"). */
export interface PersistedPropertyStore {
  load(processId: string): Promise<Record<string, string>>;
  save(processId: string, name: string, value: string): Promise<void>;
}

/** Find Changes snapshots kept between executions: record key → record JSON. */
export interface SnapshotStore {
  load(processId: string, name: string): Promise<Map<string, string> | undefined>;
  save(processId: string, name: string, snapshot: Map<string, string>): Promise<void>;
}

/** Program Command is refused unless the host lists the executables it may run. */
export interface ProgramCommandPolicy {
  /** Executables allowed, compared exactly with the shape's command. */
  allow: readonly string[];
  timeoutMs?: number;
  cwd?: string;
}

export interface ScriptLimits {
  /** Wall-clock budget of one Custom Scripting step, checked by QuickJS's interrupt handler. */
  timeoutMs: number;
  /**
   * Heap of one Custom Scripting step: QuickJS's own limit, and the cap of the run's
   * WebAssembly memory (16 MB base + this), which also holds what QuickJS does not count.
   */
  memoryBytes: number;
}

/** How Try/Catch waits between retries: Boomi's schedule, no wait, or no retries at all. */
export type RetryPolicy = 'backoff' | 'immediate' | 'skip';

export interface RunContext {
  process: ProcessDocument;
  connectors: ConnectorGateway;
  /** The Platform API, when this server offers one. */
  platform: PlatformGateway | undefined;
  signal: AbortSignal;
  /** Dynamic process properties: per run, last write wins, visible across paths. */
  processProperties: Map<string, string>;
  newDocumentId(): string;
  /** Documents given to a Data Passthrough start, or pinned test input. */
  startDocuments: RunDocument[] | undefined;
  execution: ExecutionInfo;
  /** The id of the shape running now. */
  shapeId: string;
  /** Documents at the start of the current shape (execution property "Document count"). */
  documentCount: number;
  /**
   * Hands outputs to the run's listener before the shape finishes (`RunListener.
   * shapeEmitting`); absent when nobody reads them. A shape that calls it must call it
   * for every output, in order, so what was stored early reads in the order given.
   * The engine takes back any it emitted that the shape's result does not hold.
   */
  emitting?(port: string, documents: readonly RunDocument[]): void;
  /** Takes back emitted outputs at once (a call that failed part-way): none of them leaves. */
  withdrawing?(documents: readonly RunDocument[]): void;
  /** Writes a line to the current shape's log. */
  log(level: LogLevel, message: string, documentId?: string): void;
  /** Keeps a dynamic process property for later executions of this process. */
  persistProcessProperty(name: string, value: string): Promise<void>;
  /** Document caches: one execution, shared with subprocesses. cache → key → documents. */
  caches: Map<string, Map<string, RunDocument[]>>;
  snapshots: SnapshotStore;
  /** Runs `action` only if the whole (top-level) execution ends without error. */
  onSuccess(action: () => Promise<void>): void;
  /** Documents that reached Return Documents shapes, by label. */
  returned: Map<string, RunDocument[]>;
  /** Loads a process to call; a missing process or too deep a call chain is a process error. */
  loadProcess(processId: string): Promise<ProcessDocument>;
  /** Runs another process inside this execution (Process Call): shared properties and caches. */
  runSubprocess(
    process: ProcessDocument,
    startDocuments: RunDocument[] | undefined,
  ): Promise<SubprocessRun>;
  /**
   * Work the run does not wait for now (Process Call without "wait"); the execution
   * waits for it before it finishes, and a rejection fails the execution.
   */
  background(task: Promise<void>): void;
  programCommands: ProgramCommandPolicy | undefined;
  scriptLimits: ScriptLimits;
  retryPolicy: RetryPolicy;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  notifications: Notifications;
  /**
   * Whether document `id` is `ancestorId` or was made from it (lineage through splits
   * etc.). Answers only for documents made while a shape with `readsLineage` drives
   * its paths (`ShapeHandler.paths`): that is when the engine records lineage.
   */
  isDerivedFrom(id: string, ancestorId: string): boolean;
  /** Marks document errors as handled (Try/Catch), so they do not fail the run. */
  markCaught(errors: readonly DocumentError[]): void;
}

/** Notify's bookkeeping for one execution, shared with its subprocesses. */
export interface Notifications {
  /** Written so far (Boomi stops at 1,000). */
  count: number;
  /** Once-per-execution Notify shapes that have written, as `processId/shapeId`. */
  writtenOnce: Set<string>;
}

export interface SubprocessRun {
  outcome: RunOutcome;
  returned: Map<string, RunDocument[]>;
}

/** Runs the path leaving one port; resolves to the document errors nobody caught on it. */
export type PathRunner = (port: string, documents: RunDocument[]) => Promise<DocumentError[]>;

export interface ShapeHandler<K extends ShapeKind> {
  run(shape: ShapeOfKind<K>, inputs: RunDocument[], ctx: RunContext): Promise<ShapeResult>;
  /**
   * `run` lets go of each input once it has made what it makes of it, overwriting
   * its slot with `SPENT` (documents.ts). The engine then hands it an array of its
   * own, and a shape that makes new documents (Map) does not hold the batch it came
   * from beside the batch it makes: a million documents are not in memory twice.
   */
  consumesInputs?: boolean;
  /**
   * Drives the shape's outgoing paths itself (Branch, Try/Catch, Flow Control).
   * Without it the engine runs `result.outputs` depth first in port order.
   */
  paths?(
    shape: ShapeOfKind<K>,
    result: ShapeResult,
    runPath: PathRunner,
    ctx: RunContext,
  ): Promise<DocumentError[]>;
  /**
   * `paths` asks `ctx.isDerivedFrom` about documents made on those paths (Branch,
   * Try/Catch). Lineage is recorded only while such a shape drives its paths.
   */
  readsLineage?: boolean;
}

export type AnyShapeHandler = ShapeHandler<ShapeKind>;

export type ShapeStatus = 'running' | 'done' | 'error';

export interface ShapeStats {
  status: ShapeStatus;
  documentsIn: number;
  documentsOut: number;
  documentsInError: number;
  /** Time in the shape's own work, summed over its batches (not the paths after it). */
  elapsedMs: number;
  /** A process error (the run stopped here), or the first document error. */
  message?: string;
}

/** The shapes whose documents a listener reads (see `RunListener.documents`). */
export interface ListenedDocuments {
  /** Shapes whose arriving documents `shapeStarted` is handed. */
  inputsOf: readonly string[];
  /** Shapes whose output documents `shapeFinished`'s result holds. */
  outputsOf: readonly string[];
}

/** Observes a run as it happens; the dispatcher turns these into stored progress. */
export interface RunListener {
  /**
   * Whose documents the listener is handed; every shape's when absent. A shape left
   * out is still reported, with its counts but no documents: `inputs` is empty and
   * `result.outputs` is (documents in error are always given). An execution records
   * only its tracked shapes' documents, and an engine thread need not copy a million
   * documents to a host that would drop them.
   */
  documents?: ListenedDocuments;
  /** `count` documents arrive; `inputs` holds them unless `documents` leaves the shape out. */
  shapeStarted?(shapeId: string, inputs: readonly RunDocument[], count: number): void;
  /**
   * Outputs a shape gives before it finishes (a connector's records, a page at a
   * time), in the order of its outputs, so the listener can store them while the
   * shape goes on. Called only for shapes whose outputs the listener reads. They are
   * provisional: those that will not leave the shape after all are named by
   * `shapeWithdrawing`, and `shapeFinished`'s result holds all the others, as the
   * same objects.
   */
  shapeEmitting?(shapeId: string, port: string, documents: readonly RunDocument[]): void;
  /**
   * Emitted outputs that will not leave the shape: the call that made them failed
   * (at once, so they need not be kept), or the shape failed or was cut off (before
   * its `shapeFinished`, when it gets one).
   */
  shapeWithdrawing?(shapeId: string, documents: readonly RunDocument[]): void;
  shapeFinished?(shapeId: string, stats: ShapeStats, result: ShapeResult | undefined): void;
  connectionCarried?(connectionId: string, count: number): void;
  /** A log line as it is written (also after shapeFinished, e.g. Try/Catch retries). */
  shapeLogged?(shapeId: string, entry: LogEntry): void;
}

/** COMPLETE, COMPLETE_WARN, ERROR and ABORTED of §8; DISCARDED runs never reach the runtime. */
export type RunStatus = 'complete' | 'complete-warn' | 'error' | 'aborted';

export interface RunOutcome {
  status: RunStatus;
  error?: string;
  shapes: Record<string, ShapeStats>;
  connections: Record<string, number>;
  executionId?: string;
  /** Every shape's log lines in the order they were written. */
  log?: RunLogEntry[];
  /** Documents that failed and were not caught by a Try/Catch. */
  failedDocuments?: DocumentError[];
  /** Documents that reached Return Documents shapes, by label (for a caller or a listener). */
  returned?: Record<string, RunDocument[]>;
}

export type { Shape };
