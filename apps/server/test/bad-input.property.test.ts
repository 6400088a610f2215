import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { listRoutes, type RouteEntry } from './route-list.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

type InjectMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

const segment = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '%',
    '%zz',
    '..',
    '-1',
    '0',
    '1e400',
    '99999999999',
    '1.5',
    'null',
    'sandbox',
    'x'.repeat(300),
  ),
);

/** Bodies a confused or hostile client sends: broken JSON, wrong types, deep nesting. */
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '""', '{"__proto__":{"x":1}}', '\u0000'),
  fc
    .record(
      {
        name: fc.anything({ maxDepth: 2 }),
        process: fc.jsonValue({ maxDepth: 3 }),
        documents: fc.jsonValue({ maxDepth: 3 }),
        startDocuments: fc.jsonValue({ maxDepth: 3 }),
        revision: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v) ?? '{}'),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
);

const query = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'status', 'from', 'to', 'processId', 'search', 'x'),
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('-1', '1e9', '1e30', '99999999999', 'NaN', '', 'true', '2026-13-45T99:00:00Z'),
  ),
  { maxKeys: 3 },
);

function fill(route: RouteEntry, values: string[]): string {
  let i = 0;
  return route.url.replace(/:[A-Za-z]+|\*/g, () => values[i++ % values.length] ?? 'x');
}

describe(`every route survives generated bad input (${storageUnderTest()})`, () => {
  let app: App;
  let routes: RouteEntry[];
  beforeAll(async () => {
    app = await buildTestApp({ bodyLimit: 64 * 1024 });
    await app.ready();
    routes = listRoutes(app).filter((r) => r.method !== 'OPTIONS');
  });

  it('finds the routes to attack', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/runs' });
  });

  it('never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(segment.map(encodeURIComponent), { minLength: 1, maxLength: 3 }),
        fc.option(body, { nil: undefined }),
        contentType,
        query,
        async (pick, values, payload, type, search) => {
          const route = routes[pick % routes.length]!;
          const res = await app.inject({
            method: route.method as InjectMethod,
            url: fill(route, values),
            query: search,
            ...(payload === undefined ? {} : { payload, headers: { 'content-type': type } }),
          });
          if (res.statusCode >= 500) {
            throw new Error(
              `${route.method} ${route.url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`,
            );
          }
          expect(res.body).not.toMatch(/\n\s+at .+:\d+:\d+/);
        },
      ),
      { numRuns: 600 },
    );
  });
});
