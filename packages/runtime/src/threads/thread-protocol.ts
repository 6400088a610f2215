import type { MessagePort } from 'node:worker_threads';
import type { ProcessDocument } from '@junction/process-model';
import type { ExecuteOptions } from '../execution.ts';
import {
  ConnectorCallError,
  type ListenedDocuments,
  type LogEntry,
  type RunDocument,
  type RunOutcome,
  type ShapeStats,
} from '../types.ts';

/**
 * The messages between a run's engine thread and the host thread, on one
 * MessagePort per run. Everything here is plain data (structured clone): the host
 * keeps its gateways, stores and credentials and answers the thread's calls.
 */

/** The host's services a thread may call, by name. */
export type HostMethod =
  | 'connect'
  | 'platform'
  | 'loadProcess'
  | 'loadProperties'
  | 'saveProperty'
  | 'loadSnapshot'
  | 'saveSnapshot'
  | 'pause';

/**
 * A document as it crosses to the host: `r` names the object it was in the thread, so
 * the host hands its listener the same object when the thread sends it unchanged
 * again (the recorder stores such a document once). `d` is sent only the first time.
 */
export interface DocumentRef {
  r: number;
  d?: RunDocument;
}

export interface WireDocumentError {
  document: DocumentRef;
  message: string;
}

/** A listener call, in the order the engine made them. */
export type ListenerEvent =
  | { e: 'started'; shapeId: string; inputs: DocumentRef[]; count: number }
  | { e: 'emitting'; shapeId: string; port: string; outputs: DocumentRef[] }
  | { e: 'withdrawing'; shapeId: string; outputs: DocumentRef[] }
  | {
      e: 'finished';
      shapeId: string;
      stats: ShapeStats;
      result?: {
        outputs: Array<[string, DocumentRef[]]>;
        errors: WireDocumentError[];
        endRun?: boolean;
        logs?: LogEntry[];
        subprocesses?: RunOutcome[];
      };
    }
  | { e: 'carried'; connectionId: string; count: number }
  | { e: 'logged'; shapeId: string; entry: LogEntry };

export type ThreadToHost =
  | { t: 'call'; id: number; method: HostMethod; args: unknown[] }
  | { t: 'abort-call'; id: number }
  | { t: 'events'; events: ListenerEvent[] }
  /** Documents the thread has let go of: the host may forget their refs. */
  | { t: 'forget'; refs: number[] }
  | { t: 'done'; outcome: RunOutcome };

export type HostToThread =
  | { t: 'reply'; id: number; value: unknown }
  | { t: 'fail'; id: number; error: WireError }
  | { t: 'abort'; message: string }
  /**
   * A connector's pages (`RecordPages`) follow their call's reply, which carries
   * `PagesToFollow`, one message each as the host fetches them (the bytes transferred),
   * then `pages-end`; a `fail` for that call ends them with its error.
   */
  | { t: 'page'; id: number; page: Uint8Array | undefined }
  | { t: 'pages-end'; id: number };

/** A reply whose pages come in `page` messages after it. */
export interface PagesToFollow {
  pagesFollow: true;
  maxRecords?: number | undefined;
}

export function isPagesToFollow(value: unknown): value is PagesToFollow {
  return (
    typeof value === 'object' && value !== null && (value as PagesToFollow).pagesFollow === true
  );
}

export interface WireError {
  name: string;
  message: string;
  connector?: { kind: 'application' | 'failure'; statusCode: number | undefined; body: unknown };
}

/** The options that travel as data; the rest become calls back to the host. */
export type PlainOptions = Pick<
  ExecuteOptions,
  | 'startDocuments'
  | 'processProperties'
  | 'executionId'
  | 'testMode'
  | 'programCommands'
  | 'scriptLimits'
  | 'retryPolicy'
  | 'testLimits'
  | 'breakpoints'
>;

/** Which host services and listener hooks the run has (functions cannot cross). */
export interface HostOffers {
  platform: boolean;
  loadProcess: boolean;
  persistedProperties: boolean;
  snapshots: boolean;
  /** Test mode's breakpoints: the host answers pauses. */
  pause: boolean;
}

/** One run handed to a thread. */
export interface ThreadTask {
  process: ProcessDocument;
  options: PlainOptions;
  offers: HostOffers;
  port: MessagePort;
  /** The host listener's `documents`: the other shapes' documents never cross. */
  listens: ListenedDocuments | undefined;
  /**
   * Set to 1 by the host when the run is aborted. A thread busy in a script cannot
   * read the abort message until the script ends; this it can read at once.
   */
  aborted: Int32Array;
}

/** An error as plain data: its name and message, and a connector failure's details. */
export function toWireError(error: unknown): WireError {
  if (error instanceof ConnectorCallError) {
    return {
      name: error.name,
      message: error.message,
      connector: { kind: error.kind, statusCode: error.statusCode, body: error.body },
    };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

/** The error again on the thread's side, a ConnectorCallError where it was one. */
export function fromWireError(wire: WireError): Error {
  if (wire.connector) {
    const { kind, statusCode, body } = wire.connector;
    return new ConnectorCallError(kind, wire.message, statusCode, body);
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/**
 * What a thread posts once it has loaded the engine (its module graph, QuickJS, JSONata),
 * which takes it most of a second of CPU: a warm pool waits for it before taking runs.
 */
export const ENGINE_LOADED = { junctionEngineLoaded: true } as const;

export function isEngineLoaded(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Record<string, unknown>)['junctionEngineLoaded'] === true
  );
}
