import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

/** Start -> each shape in turn -> Stop (or the last shape, when it is terminal). */
function chain(id: string, shapes: Shape[]): ProcessDocument {
  let doc = createProcess({ id, name: id });
  let previous = 'start';
  shapes.forEach((shape, i) => {
    const shapeId = `s${i + 1}`;
    doc = addShape(doc, {
      id: shapeId,
      kind: shape.kind,
      position: { x: 200 * (i + 1), y: 0 },
      shape,
    });
    doc = connectShapes(doc, {
      id: `c${i + 1}`,
      from: { shape: previous, port: 'default' },
      to: { shape: shapeId },
    });
    previous = shapeId;
  });
  return doc;
}

async function runToEnd(app: App, payload: object) {
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload });
  expect(started.statusCode).toBe(201);
  return waitForRun(app, started.json().id);
}

async function store(app: App, doc: ProcessDocument) {
  const res = await app.inject({ method: 'POST', url: '/api/processes/import', payload: doc });
  expect(res.statusCode).toBe(201);
}

describe(`what runs get from the server (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('Process Call runs the stored child process and continues with what it returns', async () => {
    const child = chain('child', [
      {
        kind: 'message',
        label: '',
        config: {
          text: '{"from":"child"}',
          parameters: [],
          jsonSafe: true,
          combineDocuments: false,
        },
      },
      { kind: 'return-documents', label: '', config: { label: 'done' } },
    ]);
    child.shapes['start'] = { kind: 'start', label: '', config: { mode: 'passthrough' } };
    await store(app, child);
    const parent = chain('parent', [
      {
        kind: 'process-call',
        label: '',
        config: { processId: 'child', wait: true, abortOnFailure: true, returnPaths: ['done'] },
      },
    ]);
    const stop = 's2';
    const withStop = connectShapes(
      addShape(parent, { id: stop, kind: 'stop', position: { x: 600, y: 0 } }),
      {
        id: 'c2',
        from: { shape: 's1', port: 'done' },
        to: { shape: stop },
      },
    );
    const run = await runToEnd(app, { process: withStop });
    expect(run.status).toBe('complete');
    expect(run.shapes[stop]).toMatchObject({ documentsIn: 1 });
  });

  it('persisted process properties survive into the next execution', async () => {
    // Each run reads the persisted counter into a document property, then adds one.
    const counter = (id: string) =>
      chain(id, [
        {
          kind: 'set-properties',
          label: '',
          config: {
            properties: [
              {
                target: 'dynamic-document',
                name: 'before',
                parts: [{ type: 'process-property', name: 'lastRun' }],
              },
              {
                target: 'dynamic-process',
                name: 'lastRun',
                persist: true,
                parts: [{ type: 'static', value: 'seen' }],
              },
            ],
          },
        },
        { kind: 'stop', label: '', config: { endAndReturn: false } },
      ]);
    const doc = counter('persisting');
    await store(app, doc);
    const first = await runToEnd(app, { process: doc, processId: 'persisting' });
    expect(first.status).toBe('complete');
    const second = await runToEnd(app, { process: doc, processId: 'persisting' });
    const documents = await app.inject({
      url: `/api/runs/${second.id}/shapes/s1/documents?direction=out`,
    });
    expect(documents.json().items[0].properties).toMatchObject({ before: 'seen' });
    const firstDocs = await app.inject({
      url: `/api/runs/${first.id}/shapes/s1/documents?direction=out`,
    });
    expect(firstDocs.json().items[0].properties['before'] ?? '').toBe('');
  });

  it('refuses Program Command unless the operator allowed the executable', async () => {
    const doc = chain('command', [
      { kind: 'program-command', label: '', config: { command: 'echo', args: ['hi'] } },
      { kind: 'stop', label: '', config: { endAndReturn: false } },
    ]);
    const run = await runToEnd(app, { process: doc });
    expect(run.status).toBe('error');
    expect(JSON.stringify(run)).toMatch(/not allowed|allow/i);
  });
});
