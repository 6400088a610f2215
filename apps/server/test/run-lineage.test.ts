import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
  updateShape,
} from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { createStoredProcess, waitForRun, withListAtStart } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

function configured(doc: ProcessDocument, id: string, config: object): ProcessDocument {
  const shape = doc.shapes[id] as Shape;
  return updateShape(doc, id, { ...shape, config: { ...shape.config, ...config } } as Shape);
}

/** Shapes in a row, wired `[from, port, to]`. */
function chain(
  name: string,
  shapes: readonly (readonly [string, Shape['kind']])[],
  wires: readonly (readonly [string, string, string])[],
): ProcessDocument {
  let doc = createProcess({ id: 'lineage', name });
  shapes.forEach(([id, kind], i) => {
    doc = addShape(doc, { id, kind, position: { x: 200 + i * 200, y: 160 } });
  });
  wires.forEach(([from, port, to], i) => {
    doc = connectShapes(doc, { id: `c${i}`, from: { shape: from, port }, to: { shape: to } });
  });
  return doc;
}

/** Start (List · Request) -> Decision (pending?) -> Map -> Approve -> Stop, on the sandbox. */
function listDecideMapApprove(): ProcessDocument {
  let doc = chain(
    'List, decide, map, approve',
    [
      ['decide', 'decision'],
      ['map', 'map'],
      ['approve', 'connector'],
      ['stop', 'stop'],
      ['other', 'stop'],
    ],
    [
      ['start', 'default', 'decide'],
      ['decide', 'true', 'map'],
      ['decide', 'false', 'other'],
      ['map', 'default', 'approve'],
      ['approve', 'default', 'stop'],
    ],
  );
  doc = withListAtStart(doc, 'sandbox');
  doc = configured(doc, 'decide', {
    left: { type: 'profile-element', path: 'status' },
    operator: 'equals',
    right: { type: 'static', value: 'pending' },
  });
  doc = configured(doc, 'map', { mappings: [{ from: 'id', to: 'id' }], expression: '' });
  return configured(doc, 'approve', {
    connectionId: 'sandbox',
    action: 'approve',
    object: 'request',
    parameters: [{ name: 'template_id', value: { type: 'static', value: 'TL-000-000-000' } }],
  });
}

/**
 * Start -> List (tracks its input) -> Get by id (tracks its output) -> Stop: an
 * execution keeps the Get's records but not the listed ones they were made from.
 */
function listThenGet(): ProcessDocument {
  let doc = chain(
    'List then get',
    [
      ['list', 'connector'],
      ['get', 'connector'],
      ['stop', 'stop'],
    ],
    [
      ['start', 'default', 'list'],
      ['list', 'default', 'get'],
      ['get', 'default', 'stop'],
    ],
  );
  doc = configured(doc, 'list', {
    connectionId: 'sandbox',
    action: 'list',
    object: 'request',
    trackingDirection: 'input',
    parameters: [{ name: 'maxRecords', value: { type: 'static', value: '2' } }],
  });
  return configured(doc, 'get', {
    connectionId: 'sandbox',
    action: 'get',
    object: 'request',
    trackingDirection: 'output',
    parameters: [{ name: 'id', value: { type: 'profile-element', path: 'id' } }],
  });
}

async function documentsOf(app: App, runId: string, shapeId: string, direction: string) {
  const page = await app.inject({
    url: `/api/runs/${runId}/shapes/${shapeId}/documents?direction=${direction}&limit=10`,
  });
  expect(page.statusCode).toBe(200);
  return page.json().items as { documentId: string; parentId: string | null }[];
}

async function detailOf(app: App, runId: string, documentId: string) {
  const detail = await app.inject({ url: `/api/runs/${runId}/documents/${documentId}` });
  expect(detail.statusCode).toBe(200);
  return detail.json() as { parentId: string | null; parentNote: string | null };
}

describe(`document lineage leads somewhere (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('a test run: the records Start listed have no parent, and every parent named opens', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listDecideMapApprove() },
    });
    expect(started.statusCode).toBe(201);
    const run = await waitForRun(app, started.json().id);
    expect(run.shapes.map.documentsOut).toBeGreaterThan(0);

    for (const item of await documentsOf(app, run.id, 'start', 'out')) {
      expect(item.parentId).toBeNull();
    }
    const mapped = await documentsOf(app, run.id, 'map', 'out');
    const approved = await documentsOf(app, run.id, 'approve', 'error');
    for (const item of [...mapped, ...approved]) {
      const detail = await detailOf(app, run.id, item.documentId);
      expect(detail.parentNote).toBeNull();
      if (detail.parentId !== null) {
        await detailOf(app, run.id, detail.parentId);
      }
    }
  });

  it('an execution: a parent it did not keep is named with the reason, not a dead link', async () => {
    const { id } = await createStoredProcess(app, listThenGet());
    const executed = await app.inject({
      method: 'POST',
      url: `/api/processes/${id}/executions?wait=30`,
    });
    expect(executed.statusCode).toBe(200);
    const runId = executed.json().id as string;
    const fetched = await documentsOf(app, runId, 'get', 'out');
    expect(fetched).toHaveLength(2);
    for (const item of fetched) {
      const detail = await detailOf(app, runId, item.documentId);
      expect(detail.parentId).not.toBeNull();
      expect(detail.parentNote).toContain(`document ${detail.parentId}`);
      expect(detail.parentNote).toContain('executions keep only tracked documents');
      const parent = await app.inject({ url: `/api/runs/${runId}/documents/${detail.parentId}` });
      expect(parent.statusCode).toBe(404);
    }
    // The list's input (Start's document) was tracked: a document made from it links to it.
    const listIn = await documentsOf(app, runId, 'list', 'in');
    expect(listIn).toHaveLength(1);
  });
});
