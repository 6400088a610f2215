import { parentPort } from 'node:worker_threads';
import type { ProcessDocument } from '@junction/process-model';
import { executeProcess } from '../engine.ts';
import type { ExecuteOptions } from '../execution.ts';
import type { PauseAnswer } from '../pause.ts';
import type { RunOutcome } from '../types.ts';
import { createPageStream } from './page-stream.ts';
import { createThreadListener } from './thread-listener.ts';
import {
  ENGINE_LOADED,
  fromWireError,
  type HostMethod,
  type HostToThread,
  isPagesToFollow,
  type ThreadTask,
  type ThreadToHost,
} from './thread-protocol.ts';

// Evaluated once this thread has loaded everything a run uses (the imports above).
parentPort?.postMessage(ENGINE_LOADED);

/**
 * The entry of an engine thread (a piscina task): runs one process with the engine
 * and reaches the host's gateways and stores through calls on the run's port.
 * Several runs may share a thread; each has its own port.
 */
export default async function runInThread(task: ThreadTask): Promise<void> {
  const { port } = task;
  const calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const streams = new Map<number, ReturnType<typeof createPageStream>>();
  const controller = abortableAtOnce(task.aborted);
  port.on('message', (message: HostToThread) => {
    switch (message.t) {
      case 'abort':
        controller.abort(new Error(message.message));
        return;
      case 'page':
        streams.get(message.id)?.push(message.page);
        return;
      case 'pages-end':
        streams.get(message.id)?.end();
        streams.delete(message.id);
        return;
    }
    const stream = streams.get(message.id);
    if (stream && message.t === 'fail') {
      stream.fail(fromWireError(message.error));
      streams.delete(message.id);
      return;
    }
    const call = calls.get(message.id);
    calls.delete(message.id);
    if (message.t === 'fail') {
      call?.reject(fromWireError(message.error));
    } else if (isPagesToFollow(message.value)) {
      call?.resolve({ pages: pagesOf(message.id), maxRecords: message.value.maxRecords });
    } else {
      call?.resolve(message.value);
    }
  });
  // The pages of a call as they arrive; an engine that stops reading stops the host's fetching.
  const pagesOf = (id: number) => {
    const stream = createPageStream(() => {
      streams.delete(id);
      post({ t: 'abort-call', id });
    });
    streams.set(id, stream);
    return stream.pages;
  };
  const { listener, flush } = createThreadListener(port, task.listens);
  const post = (message: ThreadToHost) => {
    flush(); // Listener events made before a call reach the host before it.
    port.postMessage(message);
  };
  let nextCall = 0;
  const call = <T>(method: HostMethod, args: unknown[], signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextCall;
      calls.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post({ t: 'call', id, method, args });
      signal?.addEventListener('abort', () => post({ t: 'abort-call', id }), { once: true });
    });

  const options: ExecuteOptions = {
    ...task.options,
    signal: controller.signal,
    listener,
    connectors: {
      execute: (operation, request, signal) => call('connect', [operation, request], signal),
    },
    ...(task.offers.platform
      ? {
          platform: {
            execute: (connectionId, request, signal) =>
              call('platform', [connectionId, request], signal),
          },
        }
      : {}),
    ...(task.offers.loadProcess
      ? { loadProcess: (id) => call<ProcessDocument | undefined>('loadProcess', [id]) }
      : {}),
    ...(task.offers.persistedProperties
      ? {
          persistedProperties: {
            load: (processId) => call<Record<string, string>>('loadProperties', [processId]),
            save: (processId, name, value) => call('saveProperty', [processId, name, value]),
          },
        }
      : {}),
    ...(task.offers.snapshots
      ? {
          snapshots: {
            load: (processId, name) =>
              call<Map<string, string> | undefined>('loadSnapshot', [processId, name]),
            save: (processId, name, snapshot) => call('saveSnapshot', [processId, name, snapshot]),
          },
        }
      : {}),
  };
  if (task.offers.pause) {
    options.pauseAt = (request, signal) => call<PauseAnswer>('pause', [request], signal);
  }
  let outcome: RunOutcome;
  try {
    outcome = await executeProcess(task.process, options);
  } catch (error) {
    // The engine reports failures as outcomes; this is a defect, still reported as one.
    outcome = {
      status: 'error',
      error: error instanceof Error ? error.message : String(error),
      shapes: {},
      connections: {},
    };
  }
  // The outcome goes on the run's port after its last events, so the host has them all.
  post({ t: 'done', outcome });
  port.close();
}

/**
 * The run's abort controller, whose signal also reads the host's shared flag when
 * asked whether it is aborted. QuickJS's interrupt handler asks that while a script
 * spins, when no message can be read, so a cancel stops a busy script at once
 * instead of at its time limit. (Node's own abort bookkeeping does not use the
 * `aborted` getter, so shadowing it on this one signal changes nothing else.)
 */
function abortableAtOnce(flag: Int32Array): AbortController {
  const controller = new AbortController();
  const { signal } = controller;
  const getter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get;
  if (!getter) {
    return controller;
  }
  Object.defineProperty(signal, 'aborted', {
    get() {
      if (!getter.call(signal) && Atomics.load(flag, 0) === 1) {
        controller.abort(new Error('The run was cancelled.'));
      }
      return getter.call(signal);
    },
  });
  return controller;
}
