import { randomUUID } from 'node:crypto';
import type { ProcessDocument } from '@junction/process-model';
import { abortableSleep } from './halt.ts';
import type { Debugging, PauseHost } from './pause.ts';
import { createMemorySnapshotStore } from './stores.ts';
import type {
  ConnectorGateway,
  Notifications,
  PersistedPropertyStore,
  PlatformGateway,
  ProgramCommandPolicy,
  RetryPolicy,
  RunDocument,
  RunListener,
  ScriptLimits,
  SnapshotStore,
} from './types.ts';

export interface ExecuteOptions {
  connectors: ConnectorGateway;
  /** Junction's Platform API for Partner API connector shapes; without it they fail the run. */
  platform?: PlatformGateway;
  listener?: RunListener;
  signal?: AbortSignal;
  /** Documents for a Data Passthrough start, or pinned test input. */
  startDocuments?: RunDocument[];
  /** Initial dynamic process properties (e.g. Test extensions); they win over persisted ones. */
  processProperties?: Map<string, string>;
  executionId?: string;
  /** Test mode: Flow Control runs without parallelism; Try/Catch retries don't wait by default. */
  testMode?: boolean;
  /** Loads the process a Process Call names; without it Process Call fails. */
  loadProcess?: (processId: string) => Promise<ProcessDocument | undefined>;
  /** Program Command is refused unless this lists the allowed executables. */
  programCommands?: ProgramCommandPolicy;
  /** Where Set Properties "Persist" keeps values; loaded into the run at its start. */
  persistedProperties?: PersistedPropertyStore;
  /** Find Changes snapshots; defaults to an in-memory store that lives as long as the options. */
  snapshots?: SnapshotStore;
  scriptLimits?: Partial<ScriptLimits>;
  /** Try/Catch waits; default `backoff` (0/10/30/60/120 s), `immediate` in test mode. */
  retryPolicy?: RetryPolicy;
  /** Injectable wait for retries (tests use a fake clock). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Test mode's limits (process-semantics.md §9.3), generous by default; unused outside Test mode. */
  testLimits?: Partial<TestLimits>;
  /** Test mode: shapes of the top-level process to pause before (needs `pauseAt`). */
  breakpoints?: readonly string[];
  /** Test mode: what to do at a breakpoint or after a Step; the host decides and waits. */
  pauseAt?: PauseHost;
}

export interface TestLimits {
  /** Documents one inbound connector shape (Get, List, Query) may bring into a test run. */
  documentsPerInbound: number;
  /** Bytes of document data a whole test run may produce. */
  bytesPerRun: number;
}

export const DEFAULT_TEST_LIMITS: TestLimits = {
  documentsPerInbound: 100_000,
  bytesPerRun: 512 * 1024 * 1024,
};

export const DEFAULT_SCRIPT_LIMITS: ScriptLimits = {
  timeoutMs: 5_000,
  memoryBytes: 32 * 1024 * 1024,
};

/** Subprocess calls deeper than this are a process error (a process calling itself). */
export const MAX_CALL_DEPTH = 10;

/** State one execution shares with every subprocess it calls (§4.2 scopes). */
export interface Execution {
  options: ExecuteOptions;
  executionId: string;
  testMode: boolean;
  signal: AbortSignal;
  processProperties: Map<string, string>;
  caches: Map<string, Map<string, RunDocument[]>>;
  snapshots: SnapshotStore;
  /**
   * Child document id → parent document id, for Branch and Try/Catch. Recorded only
   * while `lineageReaders` > 0: the documents those shapes ask about are all made on
   * their paths, and a run without them need not keep an entry per document.
   */
  parents: Map<string, string>;
  /** Shapes with `readsLineage` driving their paths right now, in this execution. */
  lineageReaders: number;
  successActions: Array<() => Promise<void>>;
  /** Unawaited subprocess runs; settled before the execution reports its outcome. */
  background: Array<Promise<Error | undefined>>;
  notifications: Notifications;
  /** Test mode's limits; undefined outside Test mode. */
  limits: TestLimits | undefined;
  /** Bytes of document data produced so far, counted in Test mode only (checked against `limits`). */
  produced: { bytes: number };
  /** Breakpoints and stepping; undefined unless a Test mode run has breakpoints and a host. */
  debugging: Debugging | undefined;
  newDocumentId(): string;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

const fallbackSnapshots = new WeakMap<ExecuteOptions, SnapshotStore>();

export async function createExecution(
  process: ProcessDocument,
  options: ExecuteOptions,
): Promise<Execution> {
  const persisted = options.persistedProperties
    ? await options.persistedProperties.load(process.id)
    : {};
  const processProperties = new Map(Object.entries(persisted));
  for (const [name, value] of options.processProperties ?? []) {
    processProperties.set(name, value);
  }
  let snapshots = options.snapshots ?? fallbackSnapshots.get(options);
  if (!snapshots) {
    snapshots = createMemorySnapshotStore();
    fallbackSnapshots.set(options, snapshots);
  }
  let sequence = 0;
  return {
    options,
    executionId: options.executionId ?? `execution-${randomUUID()}`,
    testMode: options.testMode ?? false,
    signal: options.signal ?? new AbortController().signal,
    processProperties,
    caches: new Map(),
    snapshots,
    parents: new Map(),
    lineageReaders: 0,
    successActions: [],
    background: [],
    notifications: { count: 0, writtenOnce: new Set() },
    limits: options.testMode ? { ...DEFAULT_TEST_LIMITS, ...options.testLimits } : undefined,
    produced: { bytes: 0 },
    debugging: debuggingFor(options),
    newDocumentId: () => `d${++sequence}`,
    sleep: options.sleep ?? abortableSleep,
  };
}

function debuggingFor(options: ExecuteOptions): Debugging | undefined {
  const { breakpoints, pauseAt } = options;
  if (!options.testMode || !pauseAt || !breakpoints || breakpoints.length === 0) {
    return undefined;
  }
  return { breakpoints: new Set(breakpoints), stepping: false, host: pauseAt };
}

/** Whether `id` is `ancestorId` or descends from it through recorded parents. */
export function isDerivedFrom(
  parents: Map<string, string>,
  id: string,
  ancestorId: string,
): boolean {
  let current: string | undefined = id;
  // The bound guards against a malformed (cyclic) lineage.
  for (let steps = 0; current !== undefined && steps < 100_000; steps++) {
    if (current === ancestorId) {
      return true;
    }
    current = parents.get(current);
  }
  return false;
}
