import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
  START_SHAPE_ID,
  updateShape,
} from '@junction/process-model';
import { executeProcess } from './engine.ts';
import type { ExecuteOptions } from './execution.ts';
import type { ConnectorGateway, RunDocument, RunOutcome, ShapeResult } from './types.ts';

/** `[from, port, to]`; `from` may be 'start'. */
export type Wire = readonly [string, string, string];

/**
 * Builds a process with the model's own operations: `shapes` by id (a `start`
 * entry replaces the default No Data start), then the wires in order.
 */
export function buildProcess(
  shapes: Record<string, Shape>,
  wires: readonly Wire[],
  init: { id?: string; name?: string } = {},
): ProcessDocument {
  let doc = createProcess({ id: init.id ?? 'p1', name: init.name ?? 'Test process' });
  for (const [id, shape] of Object.entries(shapes)) {
    doc =
      id === START_SHAPE_ID
        ? updateShape(doc, id, shape)
        : addShape(doc, { id, kind: shape.kind, position: { x: 0, y: 0 }, shape });
  }
  wires.forEach(([from, port, to], i) => {
    const next = connectShapes(doc, {
      id: `c${i + 1}`,
      from: { shape: from, port },
      to: { shape: to },
    });
    if (next === doc) {
      throw new Error(`Cannot wire ${from}.${port} → ${to}`);
    }
    doc = next;
  });
  return doc;
}

/** Passthrough start: the test hands in the documents. */
/** A CloudBlue Connect List of requests with no parameters. */
export const LIST_REQUESTS = {
  kind: 'connector',
  label: '',
  config: {
    connector: 'cloudblue-connect',
    connectionId: 'c',
    action: 'list',
    object: 'request',
    trackingDirection: 'output',
    returnApplicationErrors: false,
    parameters: [],
  },
} satisfies Shape;

/** A Data Process that splits a JSON array into one document per record. */
export const SPLIT_RECORDS: Shape = {
  kind: 'data-process',
  label: '',
  config: { steps: [{ type: 'split', path: '$', batchCount: 1 }] },
};

export const PASSTHROUGH_START: Shape = {
  kind: 'start',
  label: '',
  config: { mode: 'passthrough' },
};

/** A gateway for pure semantics: answers every call with `records` (or what `respond` says). */
export function memoryGateway(
  respond: (request: Parameters<ConnectorGateway['execute']>[1]) => unknown[] = () => [],
): ConnectorGateway & { calls: Array<Parameters<ConnectorGateway['execute']>[1]> } {
  const calls: Array<Parameters<ConnectorGateway['execute']>[1]> = [];
  return {
    calls,
    async execute(_operation, request) {
      calls.push(request);
      return respond(request);
    },
  };
}

export function docs(...data: string[]): RunDocument[] {
  return data.map((d, i) => ({ id: `in${i + 1}`, data: d, properties: {} }));
}

export interface TestRun {
  outcome: RunOutcome;
  /** Every batch each shape received, in the order shapes ran. */
  inputs: Map<string, RunDocument[][]>;
  results: Map<string, ShapeResult[]>;
  /** Shape ids in the order they started. */
  order: string[];
  /** Data of every document a shape received, flattened. */
  dataAt(shapeId: string): string[];
}

/** Runs a process, recording what every shape received and produced. */
export async function runTest(
  process: ProcessDocument,
  options: Partial<ExecuteOptions> = {},
): Promise<TestRun> {
  const inputs = new Map<string, RunDocument[][]>();
  const results = new Map<string, ShapeResult[]>();
  const order: string[] = [];
  const outcome = await executeProcess(process, {
    connectors: memoryGateway(),
    ...options,
    listener: {
      shapeStarted: (id, batch) => {
        order.push(id);
        inputs.set(id, [...(inputs.get(id) ?? []), [...batch]]);
      },
      shapeFinished: (id, _stats, result) => {
        if (result) {
          results.set(id, [...(results.get(id) ?? []), result]);
        }
      },
    },
  });
  return {
    outcome,
    inputs,
    results,
    order,
    dataAt: (id) => (inputs.get(id) ?? []).flat().map((d) => d.data),
  };
}

/** A shape that ends the path, for watching what arrives (Stop "continue"). */
export function sink(): Shape {
  return { kind: 'stop', label: '', config: { endAndReturn: false } };
}
/** Message shape "Shout": `<v>!` for a JSON document `{"v": …}`. */
const shout: Shape = {
  kind: 'message',
  label: 'Shout',
  config: {
    text: '{1}!',
    parameters: [{ type: 'profile-element', path: 'v' }],
    jsonSafe: false,
    combineDocuments: false,
  },
};

/**
 * Start (passthrough) -> Shout -> End (a sink), for pausing tests: what reaches End
 * shows what Shout was given.
 */
export function shoutProcess(id = 'shout-process'): ProcessDocument {
  return buildProcess(
    { start: PASSTHROUGH_START, shout, end: sink() },
    [
      ['start', 'default', 'shout'],
      ['shout', 'default', 'end'],
    ],
    { id, name: 'Shout' },
  );
}

export { listRequestsProcess } from './sample-processes.ts';

/** A Data Process shape with one JavaScript custom-script step. */
export function scriptShape(source: string): Shape {
  return {
    kind: 'data-process',
    label: '',
    config: { steps: [{ type: 'custom-script', language: 'javascript', source }] },
  };
}

/** Everything a listener hears, as plain data. */
export function recordingListener() {
  const events: unknown[] = [];
  const seen: Array<{ shapeId: string; doc: RunDocument }> = [];
  return {
    events,
    seen,
    listener: {
      shapeStarted: (shapeId: string, inputs: readonly RunDocument[]) => {
        events.push(['started', shapeId, inputs.map((d) => d.data)]);
        for (const doc of inputs) {
          seen.push({ shapeId, doc });
        }
      },
      shapeFinished: (
        shapeId: string,
        stats: { status: string },
        result?: { outputs: Map<string, RunDocument[]> },
      ) =>
        events.push([
          'finished',
          shapeId,
          stats.status,
          [...(result?.outputs ?? [])].map(([p, d]) => [p, d.length]),
        ]),
      connectionCarried: (id: string, count: number) => events.push(['carried', id, count]),
      shapeLogged: (shapeId: string, entry: { message: string }) =>
        events.push(['log', shapeId, entry.message]),
    },
  };
}
