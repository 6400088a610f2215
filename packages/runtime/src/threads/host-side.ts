import type { MessagePort } from 'node:worker_threads';
import type { ConnectorOperation } from '@junction/process-model';
import type { ExecuteOptions } from '../execution.ts';
import { keyedRecord } from '../keyed-record.ts';
import type { PauseRequest } from '../pause.ts';
import { isRecordPages, transferableBuffer } from '../record-pages.ts';
import type {
  ConnectorRequest,
  PlatformRequest,
  RecordPages,
  RunDocument,
  RunOutcome,
  ShapeResult,
  ShapeStats,
} from '../types.ts';
import {
  type DocumentRef,
  type HostMethod,
  type HostToThread,
  type ListenerEvent,
  type PagesToFollow,
  type ThreadToHost,
  toWireError,
} from './thread-protocol.ts';

type Handler = (args: unknown[], signal: AbortSignal) => Promise<unknown>;

/** The host's services by the name a thread calls them; what the run lacks is missing. */
function handlersFor(options: ExecuteOptions): Partial<Record<HostMethod, Handler>> {
  const { platform, loadProcess, persistedProperties: properties, snapshots, pauseAt } = options;
  return {
    connect: ([operation, request], signal) =>
      options.connectors.execute(
        operation as ConnectorOperation,
        request as ConnectorRequest,
        signal,
      ),
    ...(platform && {
      platform: ([id, request], signal) =>
        platform.execute(id as string, request as PlatformRequest, signal),
    }),
    ...(loadProcess && { loadProcess: ([id]) => loadProcess(id as string) }),
    ...(properties && {
      loadProperties: ([processId]) => properties.load(processId as string),
      saveProperty: ([processId, name, value]) =>
        properties.save(processId as string, name as string, value as string),
    }),
    ...(snapshots && {
      loadSnapshot: ([processId, name]) => snapshots.load(processId as string, name as string),
      saveSnapshot: ([processId, name, snapshot]) =>
        snapshots.save(processId as string, name as string, snapshot as Map<string, string>),
    }),
    ...(pauseAt && {
      pause: ([request], signal) => pauseAt(request as PauseRequest, signal),
    }),
  };
}

/**
 * The host's end of one run's port: answers the thread's calls with the run's
 * gateways and stores, replays its listener events in order (the same document
 * object for the same ref), forwards the run's abort, and resolves `done` with the
 * outcome. Until the run ends it keeps what the thread has reported, so a thread that
 * dies can still be reported with the shapes it had reached.
 */
export function serveRun(port: MessagePort, options: ExecuteOptions, aborted: Int32Array) {
  const handlers = handlersFor(options);
  const calls = new Map<number, AbortController>();
  const docs = new Map<number, RunDocument>();
  const seen = { shapes: keyedRecord<ShapeStats>(), connections: keyedRecord<number>() };
  let listenerFailure: unknown;
  let finish: (outcome: RunOutcome) => void = () => undefined;
  const done = new Promise<RunOutcome>((resolve) => {
    finish = resolve;
  });

  const send = (message: HostToThread) => {
    try {
      // A connector's pages move to the thread rather than being copied.
      port.postMessage(message, message.t === 'page' ? transferableBuffer(message.page) : []);
    } catch (error) {
      // A value that cannot be copied fails that call only, with the reason.
      if (message.t === 'reply') {
        port.postMessage({ t: 'fail', id: message.id, error: toWireError(error) });
      }
    }
  };
  const serve = async (id: number, method: HostMethod, args: unknown[]) => {
    const controller = new AbortController();
    calls.set(id, controller);
    try {
      const handler = handlers[method];
      if (!handler) {
        throw new Error(`This host offers no ${method} to runs.`);
      }
      const value = await handler(args, controller.signal);
      if (isRecordPages(value)) {
        await sendPages(id, value);
      } else {
        send({ t: 'reply', id, value });
      }
    } catch (error) {
      send({ t: 'fail', id, error: toWireError(error) });
    } finally {
      calls.delete(id);
    }
  };

  // Each page goes to the thread as soon as it is here: the engine parses it while the
  // next one is fetched. An error while fetching reaches the caller as the call's fail.
  const sendPages = async (id: number, value: RecordPages) => {
    const { maxRecords } = value;
    send({ t: 'reply', id, value: { pagesFollow: true, maxRecords } satisfies PagesToFollow });
    for await (const page of value.pages) {
      send({ t: 'page', id, page });
    }
    send({ t: 'pages-end', id });
  };

  const doc = (ref: DocumentRef): RunDocument => {
    if (ref.d) {
      docs.set(ref.r, ref.d);
      return ref.d;
    }
    const earlier = docs.get(ref.r);
    if (!earlier) {
      throw new Error(`The engine thread referred to document ${ref.r}, which it never sent.`);
    }
    return earlier;
  };
  const replay = (event: ListenerEvent) => {
    const listener = options.listener;
    switch (event.e) {
      case 'started': {
        const prior = seen.shapes[event.shapeId];
        seen.shapes[event.shapeId] = {
          ...(prior ?? { documentsIn: 0, documentsOut: 0, documentsInError: 0, elapsedMs: 0 }),
          status: 'running',
        };
        listener?.shapeStarted?.(event.shapeId, event.inputs.map(doc), event.count);
        return;
      }
      case 'emitting': {
        // Taken in even when nobody listens: the shape's result names them by ref alone.
        const outputs = event.outputs.map(doc);
        listener?.shapeEmitting?.(event.shapeId, event.port, outputs);
        return;
      }
      case 'withdrawing':
        listener?.shapeWithdrawing?.(event.shapeId, event.outputs.map(doc));
        return;
      case 'finished': {
        seen.shapes[event.shapeId] = event.stats;
        const wire = event.result;
        const result: ShapeResult | undefined = wire && {
          ...wire,
          outputs: new Map(wire.outputs.map(([port, refs]) => [port, refs.map(doc)])),
          errors: wire.errors.map((e) => ({ document: doc(e.document), message: e.message })),
        };
        listener?.shapeFinished?.(event.shapeId, event.stats, result);
        return;
      }
      case 'carried':
        seen.connections[event.connectionId] = event.count;
        listener?.connectionCarried?.(event.connectionId, event.count);
        return;
      case 'logged':
        listener?.shapeLogged?.(event.shapeId, event.entry);
    }
  };

  port.on('message', (message: ThreadToHost) => {
    switch (message.t) {
      case 'call':
        void serve(message.id, message.method, message.args);
        return;
      case 'abort-call':
        calls.get(message.id)?.abort();
        return;
      case 'events':
        for (const event of message.events) {
          try {
            replay(event);
          } catch (error) {
            // A listener that throws fails the run, as it would in the host's thread.
            listenerFailure ??= error;
          }
        }
        return;
      case 'forget':
        for (const ref of message.refs) {
          docs.delete(ref);
        }
        return;
      case 'done':
        finish(withListenerFailure(message.outcome, listenerFailure));
    }
  });
  const onAbort = () => {
    Atomics.store(aborted, 0, 1);
    const reason: unknown = options.signal?.reason;
    send({
      t: 'abort',
      message: reason instanceof Error ? reason.message : 'The run was cancelled.',
    });
  };
  if (options.signal?.aborted) {
    onAbort();
  } else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
  }

  return {
    done,
    /** What the thread had reported, for a run whose thread died. */
    seen,
    close() {
      options.signal?.removeEventListener('abort', onAbort);
      for (const controller of calls.values()) {
        controller.abort();
      }
      docs.clear();
      port.close();
    },
  };
}

/** The outcome, or an error naming the listener's failure when it threw. */
export function withListenerFailure(outcome: RunOutcome, failure: unknown): RunOutcome {
  if (failure === undefined) {
    return outcome;
  }
  const message = failure instanceof Error ? failure.message : String(failure);
  return { ...outcome, status: 'error', error: `The run's listener failed: ${message}` };
}
