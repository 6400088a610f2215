import { MAX_JSON_DEPTH, serializeProcess } from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { listRoutes, type RouteEntry } from './route-list.ts';
import { listRequestsProcess } from './skeleton-process.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;
type BodyMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const DEPTH = 10_000;
const DEEP_BODIES = {
  arrays: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`,
  objects: `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`,
  // A process-shaped body, so routes that read a process get past their first checks.
  process: `{"schemaVersion":1,"id":"p","shapes":{"s":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}`,
};
// What may come before the body is read: no such object, no access, too large.
const REFUSALS = [400, 401, 403, 404, 413];

const fill = (route: RouteEntry) => route.url.replace(/:[A-Za-z]+|\*/g, 'x');

describe(`JSON bodies are read safely and errors are located (${storageUnderTest()})`, () => {
  let app: App;
  let bodyRoutes: RouteEntry[];
  beforeAll(async () => {
    app = await buildTestApp();
    await app.ready();
    bodyRoutes = listRoutes(app).filter((r) =>
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );
  });

  const send = (method: BodyMethod, url: string, payload: string, headers = {}) =>
    app.inject({
      method,
      url,
      payload,
      headers: { 'content-type': 'application/json', 'if-match': '"1"', ...headers },
    });

  async function createProcess(): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/processes', payload: { name: 'P' } });
    return res.json().id;
  }

  it(`refuses ${DEPTH.toLocaleString('en')} levels of nesting on every JSON route, never a 500`, async () => {
    expect(bodyRoutes.length).toBeGreaterThan(40);
    expect(bodyRoutes.filter((r) => r.url.startsWith('/api/platform/v1/')).length).toBeGreaterThan(
      15,
    );
    const failures: string[] = [];
    for (const route of bodyRoutes) {
      for (const [name, body] of Object.entries(DEEP_BODIES)) {
        const res = await send(route.method as BodyMethod, fill(route), body);
        if (!REFUSALS.includes(res.statusCode)) {
          failures.push(`${route.method} ${route.url} (${name}): ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('says how deep is too deep and where', async () => {
    for (const url of ['/api/processes/import', '/api/platform/v1/Process', '/api/runs']) {
      const res = await send('POST', url, `{\n "a": ${DEEP_BODIES.arrays}}`);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({
        error: 'invalid-json',
        issues: [
          {
            code: 'json.too-deep',
            message: `Nested deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${MAX_JSON_DEPTH + 6}`,
            pointer: '',
          },
        ],
      });
    }
  });

  it('answers invalid JSON on import and save with the line, column and pointer', async () => {
    const id = await createProcess();
    const broken = '{\n  "shapes": {\n    "a": }\n}';
    for (const [method, url] of [
      ['POST', '/api/processes/import'],
      ['PUT', `/api/processes/${id}`],
      ['POST', '/api/validate'],
    ] as const) {
      const res = await send(method, url, broken);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({
        error: 'invalid-json',
        message: 'The body is not valid JSON: Value expected at line 3, column 10',
        issues: [
          {
            severity: 'error',
            code: 'json.syntax',
            message: 'Value expected at line 3, column 10',
            pointer: '/shapes/a',
          },
        ],
      });
    }
  });

  it('refuses two shapes under one id on import and save, and reports it on validate', async () => {
    const id = await createProcess();
    const withDuplicate = (processId: string) =>
      serializeProcess(listRequestsProcess(processId)).replace(
        '"shapes": {',
        '"shapes": {\n    "stop": { "kind": "stop", "label": "", "config": { "endAndReturn": false } },',
      );
    const expected = expect.objectContaining({
      code: 'json.duplicate-key',
      pointer: '/shapes/stop',
      message: expect.stringMatching(/^Duplicate key "stop" at line \d+, column 5: /),
    });
    const imported = await send('POST', '/api/processes/import', withDuplicate('dup'));
    expect(imported.statusCode).toBe(400);
    expect(imported.json()).toMatchObject({ error: 'invalid-process', issues: [expected] });
    const saved = await send('PUT', `/api/processes/${id}`, withDuplicate(id));
    expect(saved.statusCode).toBe(400);
    expect(saved.json()).toMatchObject({ error: 'invalid-process', issues: [expected] });
    const platform = await send('POST', '/api/platform/v1/Process', withDuplicate('dup-platform'));
    expect(platform.statusCode).toBe(400);
    expect(platform.json()).toMatchObject({ error: 'invalid-process', issues: [expected] });
    const validated = await send('POST', '/api/validate', withDuplicate(id));
    expect(validated.statusCode).toBe(200);
    expect(validated.json().issues).toContainEqual(expected);
    // Without the duplicate the same file imports.
    const clean = serializeProcess(listRequestsProcess('dup'));
    expect((await send('POST', '/api/processes/import', clean)).statusCode).toBe(201);
  });

  it('refuses ids that would reach a prototype, located', async () => {
    const file = JSON.parse(serializeProcess(listRequestsProcess('reserved')));
    file.shapes.constructor = file.shapes.stop;
    file.layout.constructor = file.layout.stop;
    file.connections[1].to.shape = 'prototype';
    const res = await send('POST', '/api/processes/import', JSON.stringify(file));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { code: string; pointer: string }) => i.pointer)).toEqual([
      '/connections/1/to/shape',
      '/shapes/constructor',
      '/layout/constructor',
    ]);
    // `__proto__` is refused as a key of any JSON body, as Fastify's own parser did.
    const text = JSON.stringify(listRequestsProcess('proto')).replace('"stop":', '"__proto__":');
    const proto = await send('POST', '/api/processes/import', text);
    expect(proto.statusCode).toBe(400);
    expect(proto.json()).toMatchObject({
      error: 'invalid-json',
      issues: [{ code: 'json.forbidden-key', pointer: '/shapes/__proto__' }],
    });
    expect(({} as Record<string, unknown>)['kind']).toBeUndefined();
  });
});
