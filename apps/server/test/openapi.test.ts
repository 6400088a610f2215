import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PREFIX } from '../src/app.ts';
import { PUBLIC_API_ROUTES } from '../src/auth/request-auth.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { listRoutes, type RouteEntry } from './route-list.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  openapi: string;
  security?: Record<string, unknown>[];
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, Operation>>;
}

/** Routes no document describes: the documents themselves and the Swagger UI. */
const UNDOCUMENTED = [/^\/api\/docs(\/|$)/, /^\/api\/openapi\.json$/];

/** `/api/runs/:id` → `/api/runs/{id}`, as OpenAPI writes paths. */
const openapiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

function operationOf(doc: Document, route: RouteEntry): Operation | undefined {
  return doc.paths[openapiPath(route.url)]?.[route.method.toLowerCase()];
}

/** A 2xx with a body schema, or 204 (no body to describe). */
function hasSuccessAnswer(operation: Operation): boolean {
  return Object.entries(operation.responses ?? {}).some(
    ([status, answer]) =>
      status === '204' ||
      (/^2\d\d$/.test(status) &&
        Object.values(answer.content ?? {}).some((media) => media.schema !== undefined)),
  );
}

async function documentAt(app: App, url: string): Promise<Document> {
  const res = await app.inject({ url });
  expect(res.statusCode).toBe(200);
  return res.json<Document>();
}

describe(`OpenAPI documents (${storageUnderTest()})`, () => {
  let app: App;
  let routes: RouteEntry[];
  let api: Document;
  let sandbox: Document;
  beforeAll(async () => {
    app = await buildTestApp();
    await app.ready();
    routes = listRoutes(app).filter(
      (r) => r.method !== 'OPTIONS' && !UNDOCUMENTED.some((p) => p.test(r.url)),
    );
    api = await documentAt(app, '/api/openapi.json');
    sandbox = await documentAt(app, `${SANDBOX_PREFIX}/openapi.json`);
  });

  it('describes every /api route with a unique operationId, its security and a success answer', () => {
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(40);
    const ids = new Set<string>();
    for (const route of apiRoutes) {
      const operation = operationOf(api, route);
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      const id = operation?.operationId ?? '';
      expect(id, `${route.method} ${route.url}`).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(ids.has(id), `operationId ${id} is used twice`).toBe(false);
      ids.add(id);
      expect(operation?.security, `${route.method} ${route.url}`).toEqual(
        PUBLIC_API_ROUTES.has(route.url) ? [] : [{ bearer: [] }],
      );
      expect(hasSuccessAnswer(operation!), `${route.method} ${route.url}`).toBe(true);
    }
  });

  it('names the bearer scheme, and leaves the sandbox out of the /api document', () => {
    expect(api.components?.securitySchemes?.['bearer']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(api.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(api.paths).every((path) => path.startsWith('/api/'))).toBe(true);
  });

  it('declares the run events stream as text/event-stream of run events', () => {
    const events = api.paths['/api/runs/{id}/events']?.['get'];
    expect(events?.responses?.['200']?.content?.['text/event-stream']?.schema).toBeDefined();
  });

  it('gives the sandbox a public document of its own with an operationId per operation', async () => {
    const res = await app.inject({ url: `${SANDBOX_PREFIX}/openapi.json` });
    expect(res.statusCode).toBe(200);
    const sandboxRoutes = routes.filter(
      (r) =>
        r.url.startsWith(`${SANDBOX_PREFIX}/`) &&
        !r.url.endsWith('/') &&
        !r.url.endsWith('/openapi.json'),
    );
    expect(sandboxRoutes.length).toBeGreaterThan(20);
    const ids = new Set<string>();
    for (const route of sandboxRoutes) {
      const id = operationOf(sandbox, route)?.operationId ?? '';
      expect(id, `${route.method} ${route.url}`).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(ids.has(id), `operationId ${id} is used twice`).toBe(false);
      ids.add(id);
    }
    expect(Object.keys(sandbox.paths).every((path) => path.startsWith(SANDBOX_PREFIX))).toBe(true);
  });

  it('are valid OpenAPI 3.1', async () => {
    for (const doc of [api, sandbox]) {
      const result = await new Validator().validate(
        structuredClone(doc) as unknown as Record<string, unknown>,
      );
      expect(result.errors).toBeUndefined();
      expect(result.valid).toBe(true);
    }
  });
});
