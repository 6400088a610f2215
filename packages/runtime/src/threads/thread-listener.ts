import type { MessagePort } from 'node:worker_threads';
import type {
  DocumentError,
  ListenedDocuments,
  RunDocument,
  RunListener,
  ShapeResult,
} from '../types.ts';
import type { DocumentRef, ListenerEvent, ThreadToHost } from './thread-protocol.ts';

/**
 * The engine thread's side of the run's listener: every call becomes a plain event,
 * and the events of one synchronous stretch of the engine travel as one message.
 * A document object already sent unchanged travels as its ref only, which keeps the
 * host's view of "the same document" (and saves copying its data again). The
 * engine hands it only the documents the host's listener reads (`listens`).
 */
export function createThreadListener(port: MessagePort, listens?: ListenedDocuments) {
  let pending: ListenerEvent[] = [];
  let forgotten: number[] = [];
  let nextRef = 0;
  const sent = new WeakMap<RunDocument, { ref: number; data: string; properties: object }>();
  // Once the engine drops a document, it can never be sent again: its ref is freed.
  const released = new FinalizationRegistry<number>((ref) => forgotten.push(ref));

  const flush = () => {
    if (pending.length > 0) {
      const message: ThreadToHost = { t: 'events', events: pending };
      pending = [];
      port.postMessage(message);
    }
    if (forgotten.length > 0) {
      const message: ThreadToHost = { t: 'forget', refs: forgotten };
      forgotten = [];
      port.postMessage(message);
    }
  };
  const push = (event: ListenerEvent) => {
    if (pending.length === 0) {
      queueMicrotask(flush);
    }
    pending.push(event);
  };

  const ref = (doc: RunDocument): DocumentRef => {
    const earlier = sent.get(doc);
    if (earlier && earlier.data === doc.data && earlier.properties === doc.properties) {
      return { r: earlier.ref };
    }
    const r = ++nextRef;
    sent.set(doc, { ref: r, data: doc.data, properties: doc.properties });
    released.register(doc, r);
    // Copied field by field: a JsonDocument also holds its parsed value, which stays here.
    const d: RunDocument = { id: doc.id, data: doc.data, properties: doc.properties };
    if (doc.parentId !== undefined) {
      d.parentId = doc.parentId;
    }
    return { r, d };
  };
  const refs = (docs: readonly RunDocument[]) => docs.map(ref);
  const errors = (list: readonly DocumentError[]) =>
    list.map((error) => ({ document: ref(error.document), message: error.message }));
  const wireResult = (result: ShapeResult) => ({
    outputs: [...result.outputs].map(([port, docs]): [string, DocumentRef[]] => [port, refs(docs)]),
    errors: errors(result.errors),
    ...(result.endRun !== undefined ? { endRun: result.endRun } : {}),
    ...(result.logs ? { logs: result.logs } : {}),
    ...(result.subprocesses ? { subprocesses: result.subprocesses } : {}),
  });

  const listener: RunListener = {
    ...(listens ? { documents: listens } : {}),
    shapeStarted: (shapeId, inputs, count) =>
      push({ e: 'started', shapeId, inputs: refs(inputs), count }),
    // Sent now, and as refs only when the shape finishes: each output crosses once.
    shapeEmitting: (shapeId, port, outputs) =>
      push({ e: 'emitting', shapeId, port, outputs: refs(outputs) }),
    shapeWithdrawing: (shapeId, outputs) =>
      push({ e: 'withdrawing', shapeId, outputs: refs(outputs) }),
    shapeFinished: (shapeId, stats, result) =>
      push({
        e: 'finished',
        shapeId,
        stats: { ...stats },
        ...(result ? { result: wireResult(result) } : {}),
      }),
    connectionCarried: (connectionId, count) => push({ e: 'carried', connectionId, count }),
    shapeLogged: (shapeId, entry) => push({ e: 'logged', shapeId, entry: { ...entry } }),
  };
  return { listener, flush };
}
