import { addShape, connectShapes, type ProcessDocument, type Shape } from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { passThroughProcess, waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;
type MapConfig = Extract<Shape, { kind: 'map' }>['config'];

/** Start -> Map -> Stop, the Map configured with `config`. */
function mapProcess(config: MapConfig): ProcessDocument {
  let doc = passThroughProcess('map-functions');
  doc = { ...doc, connections: [] };
  doc = addShape(doc, {
    id: 'map',
    kind: 'map',
    position: { x: 150, y: 160 },
    shape: { kind: 'map', label: '', config },
  });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'map' },
  });
  return connectShapes(doc, {
    id: 'c2',
    from: { shape: 'map', port: 'default' },
    to: { shape: 'stop' },
  });
}

describe(`Map functions through the server (${storageUnderTest()})`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp();
  });

  it('runs a Map with functions and records each document, or the step that refused it', async () => {
    const process = mapProcess({
      expression: '',
      mappings: [
        { from: 'id', to: 'id' },
        { from: 'name', to: '__proto__', steps: [{ fn: 'trim' }, { fn: 'upper' }] },
        {
          from: 'qty',
          to: 'total',
          steps: [
            { fn: 'multiply', operand: { type: 'field', path: 'price' } },
            { fn: 'format-number', decimals: 2 },
          ],
        },
        {
          from: 'region',
          to: 'region',
          steps: [{ fn: 'lookup', table: [{ key: 'EU', value: 'Europe' }], default: 'Other' }],
        },
      ],
    });
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: {
        process,
        startDocuments: [
          { data: '{"id":1,"name":" ada ","qty":3,"price":1.1,"region":"EU"}' },
          { data: '{"id":2,"name":"bob","qty":"many","price":2}' },
        ],
      },
    });
    expect(started.statusCode).toBe(201);
    const run = await waitForRun(app, started.json().id);
    expect(run.shapes.stop).toMatchObject({ documentsIn: 1 });
    const stopped = await app.inject({
      url: `/api/runs/${run.id}/shapes/stop/documents?direction=in`,
    });
    expect(stopped.json().items[0].data).toBe(
      '{"id":1,"__proto__":"ADA","total":"3.30","region":"Europe"}',
    );
    const failed = await app.inject({
      url: `/api/runs/${run.id}/shapes/map/documents?direction=error`,
    });
    expect(JSON.stringify(failed.json())).toContain(
      'Mapping row 3 (“qty” → “total”), step 1 (multiply): “many” is not a number.',
    );
  });

  it('refuses to run a Map whose step is invalid, pointing at the row and step', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: {
        process: mapProcess({
          expression: '',
          mappings: [
            {
              from: 'a',
              to: 'b',
              steps: [{ fn: 'divide', operand: { type: 'constant', value: '0' } }],
            },
          ],
        }),
      },
    });
    expect(started.statusCode).toBe(422);
    expect(started.json().issues).toContainEqual(
      expect.objectContaining({
        code: 'map.step-divide-zero',
        pointer: '/shapes/map/config/mappings/0/steps/0/operand/value',
      }),
    );
  });
});
