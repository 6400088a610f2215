import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_API_ROUTES, SELF_AUTHENTICATED_API_ROUTES } from '../src/auth/request-auth.ts';
import { type Permission, ROLES, type Role, roleAllows } from '../src/auth/roles.ts';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { buildFixtures, call, type Fixtures, P, SECRET } from './platform-fixtures.ts';
import { listRoutes, type RouteEntry } from './route-list.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const R: Permission = 'read';
/** What each object's actions need — the expectation, written out, not read from the code. */
const OBJECT_PERMISSIONS: Record<string, Partial<Record<string, Permission>>> = {
  Account: { get: R, query: R, create: 'admin', update: 'admin', delete: 'admin' },
  Environment: { get: R, query: R, create: 'build', update: 'build', delete: 'build' },
  Process: { get: R, query: R, create: 'build', update: 'build', delete: 'build' },
  Deployment: { get: R, query: R, create: 'build', update: 'build', delete: 'build' },
  ExecutionRecord: { get: R, query: R },
  Connection: { get: R, query: R, create: 'build', update: 'build', delete: 'build' },
  Token: { get: 'admin', query: 'admin', create: 'admin', delete: 'admin' },
  execute: {
    'execute-process': 'operate',
    'cancel-execution': 'operate',
    'deploy-process': 'build',
    'provision-account': 'admin',
  },
};

interface Classified {
  route: RouteEntry;
  object: string;
  action: string;
  permission: Permission;
}

function classify(route: RouteEntry): Classified {
  const [object = '', rest] = route.url.slice(P.length + 1).split(/\/(.*)/);
  let action: string;
  if (object === 'execute') {
    action = rest ?? '';
  } else if (rest === 'query' || rest === 'queryMore') {
    action = 'query';
  } else if (rest === ':id') {
    action = { GET: 'get', PUT: 'update', DELETE: 'delete' }[route.method] ?? '?';
  } else {
    action = route.method === 'POST' ? 'create' : '?';
  }
  const permission = OBJECT_PERMISSIONS[object]?.[action];
  if (!permission) {
    throw new Error(`${route.method} ${route.url} is not in the permission table`);
  }
  return { route, object, action, permission };
}

/** The Token object's id for a route's object, so a request names a real alpha record. */
function alphaId(fx: Fixtures, object: string): string {
  return (
    {
      Account: 'alpha',
      Environment: fx.environmentId,
      Process: fx.processId,
      Deployment: fx.deploymentId,
      ExecutionRecord: fx.executionId,
      Connection: fx.connectionId,
      Token: fx.tokenId,
    }[object] ?? 'x'
  );
}

const forgedQueryToken = (object: string, accountId: string) =>
  Buffer.from(
    JSON.stringify({
      object: object === 'ExecutionRecord' ? 'execution-record' : object.toLowerCase(),
      accountId,
      filter: null,
      offset: 0,
    }),
  ).toString('base64url');

function request(c: Classified, id: string, account: string, realBodies: Fixtures | undefined) {
  const url = c.route.url.replace(':id', encodeURIComponent(id));
  if (c.route.url.endsWith('/queryMore')) {
    return { url, payload: { queryToken: forgedQueryToken(c.object, account) } };
  }
  if (c.object === 'execute' && realBodies) {
    const bodies: Record<string, unknown> = {
      'execute-process': { processId: realBodies.processId },
      'cancel-execution': { executionId: realBodies.executionId },
      'deploy-process': {
        processId: realBodies.processId,
        environmentId: realBodies.environmentId,
      },
      'provision-account': { name: 'intruder' },
    };
    return { url, payload: bodies[c.action] };
  }
  return { url, payload: c.route.method === 'GET' || c.route.method === 'DELETE' ? undefined : {} };
}

describe(`Platform API: hierarchy and roles on every route (${storageUnderTest()})`, () => {
  let app: App;
  let fx: Fixtures;
  let routes: Classified[];
  let apiRoutes: RouteEntry[];
  beforeAll(async () => {
    app = await buildTestApp();
    await app.ready();
    fx = await buildFixtures(app);
    const all = listRoutes(app).filter((r) => r.method !== 'OPTIONS');
    routes = all.filter((r) => r.url.startsWith(`${P}/`)).map(classify);
    // Health and readiness are public and act in no account.
    apiRoutes = all.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        !r.url.startsWith(`${P}/`) &&
        !PUBLIC_API_ROUTES.has(r.url) &&
        // Listener calls judge their own credentials (test/listeners.test.ts covers them).
        !SELF_AUTHENTICATED_API_ROUTES.has(r.url),
    );
  });

  it('classifies every platform route (a new route without a table entry fails here)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    const ops = new Set(routes.map((r) => `${r.object}.${r.action}`));
    for (const [object, actions] of Object.entries(OBJECT_PERMISSIONS)) {
      for (const action of Object.keys(actions)) {
        expect(ops, `${object}.${action} has no route`).toContain(`${object}.${action}`);
      }
    }
  });

  const tokenOf = (role: Role) =>
    fx.tokens[
      (
        {
          viewer: 'alphaViewer',
          operator: 'alphaOperator',
          builder: 'alphaBuilder',
          admin: 'alphaAdmin',
        } as const
      )[role]
    ];

  it.each(ROLES)(
    'role %s: exactly the actions its role allows pass the role check',
    async (role) => {
      const failures: string[] = [];
      for (const c of routes) {
        // A missing id or an empty body: allowed callers get 2xx/4xx, never 403; no data changes.
        const { url, payload } = request(c, 'missing-id', 'alpha', undefined);
        const res = await call(app, c.route.method as Method, url, {
          token: tokenOf(role),
          payload,
        });
        const allowed = roleAllows(role, c.permission);
        if (res.statusCode >= 500 || (res.statusCode === 403) === allowed) {
          failures.push(
            `${c.route.method} ${c.route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('refuses every route for accounts outside the caller’s hierarchy (override, header)', async () => {
    const failures: string[] = [];
    const outsiders = [
      ['sibling', fx.tokens.betaAdmin],
      ['customer reaching up to its partner', fx.tokens.childAdmin],
    ] as const;
    for (const c of routes) {
      for (const [who, token] of outsiders) {
        const { url, payload } = request(c, alphaId(fx, c.object), 'alpha', fx);
        const sep = url.includes('?') ? '&' : '?';
        const viaOverride = await call(
          app,
          c.route.method as Method,
          `${url}${sep}overrideAccount=alpha`,
          {
            token,
            payload,
          },
        );
        const viaHeader = await call(app, c.route.method as Method, url, {
          token,
          payload,
          headers: { 'x-junction-account': 'alpha' },
        });
        for (const res of [viaOverride, viaHeader]) {
          if (res.statusCode !== 403 || res.body.includes(SECRET)) {
            failures.push(`${who} ${c.route.method} ${c.route.url}: ${res.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('never shows or changes another account’s records by id, in any route', async () => {
    const failures: string[] = [];
    for (const c of routes) {
      const { url, payload } = request(c, alphaId(fx, c.object), 'beta', fx);
      const res = await call(app, c.route.method as Method, url, {
        token: fx.tokens.betaAdmin,
        payload,
      });
      const reached = c.route.url.includes(':id') || c.object === 'execute';
      const leaked = res.body.includes(SECRET);
      if (leaked || (reached && c.action !== 'provision-account' && res.statusCode < 300)) {
        failures.push(
          `${c.route.method} ${c.route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps the browser’s /api routes inside the token’s account too', async () => {
    const failures: string[] = [];
    const ids = [fx.processId, fx.executionId, fx.connectionId];
    for (const route of apiRoutes) {
      for (const id of ids) {
        const url = route.url.replace(/:[A-Za-z]+/g, encodeURIComponent(id)).replace('*', 'x');
        const res = await call(app, route.method as Method, url, {
          token: fx.tokens.betaAdmin,
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const header = await call(app, route.method as Method, url, {
          token: fx.tokens.betaAdmin,
          headers: { 'x-junction-account': 'alpha' },
        });
        if (res.body.includes(SECRET) || res.statusCode >= 500 || header.statusCode !== 403) {
          failures.push(`${route.method} ${url}: ${res.statusCode}/${header.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(ROLES)(
    'role %s on every browser /api route: viewers read, operators run, builders change',
    async (role) => {
      const failures: string[] = [];
      const runs = /^\/api\/(runs|executions)(\/|$)|^\/api\/processes\/:id\/executions$/;
      // Answering a paused test run may edit its documents: a builder's act.
      const buildsAmongRuns = new Set(['/api/runs/:id/debug']);
      // The shared sandbox is reset by the install's administrator only, never by a
      // tenant's token, whatever its role (sandbox-admin.test.ts).
      const installOnly = new Set(['/api/sandbox/reset']);
      for (const route of apiRoutes) {
        const needs: Permission =
          route.method === 'GET'
            ? 'read'
            : runs.test(route.url) && !buildsAmongRuns.has(route.url)
              ? 'operate'
              : 'build';
        // Ids nobody has: an allowed call ends in 4xx at worst and changes nothing.
        const url = route.url.replace(/:[A-Za-z]+/g, 'missing-id').replace('*', 'x');
        const res = await call(app, route.method as Method, url, {
          token: tokenOf(role),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const allowed = !installOnly.has(route.url) && roleAllows(role, needs);
        if (res.statusCode >= 500 || (res.statusCode === 403) === allowed) {
          failures.push(`${route.method} ${route.url}: ${res.statusCode}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('holds roles on the browser’s /api routes: viewers read, operators run, builders change', async () => {
    const list = await call(app, 'GET', '/api/processes', { token: fx.tokens.alphaViewer });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([fx.processId]);
    const create = { name: 'new' };
    expect(
      (await call(app, 'POST', '/api/processes', { token: fx.tokens.alphaViewer, payload: create }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call(app, 'POST', '/api/processes', {
          token: fx.tokens.alphaOperator,
          payload: create,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(app, 'POST', '/api/processes', {
          token: fx.tokens.alphaBuilder,
          payload: create,
        })
      ).statusCode,
    ).toBe(201);
    const run = `/api/processes/${fx.processId}/executions`;
    expect(
      (await call(app, 'POST', run, { token: fx.tokens.alphaViewer, payload: {} })).statusCode,
    ).toBe(403);
    expect(
      (await call(app, 'POST', run, { token: fx.tokens.alphaOperator, payload: {} })).statusCode,
    ).toBe(201);
  });

  it('still has every alpha record, unchanged, after all of that', async () => {
    const admin = fx.tokens.alphaAdmin;
    const process = (
      await call(app, 'GET', `${P}/Process/${fx.processId}`, { token: admin })
    ).json();
    expect(process).toMatchObject({ revision: 1, name: `${SECRET} process` });
    const connection = await call(app, 'GET', `${P}/Connection/${fx.connectionId}`, {
      token: admin,
    });
    expect(connection.json()).toMatchObject({ name: `${SECRET} connection` });
    const deployment = (
      await call(app, 'GET', `${P}/Deployment/${fx.deploymentId}`, { token: admin })
    ).json();
    expect(deployment.active).toBe(true);
    const account = (await call(app, 'GET', `${P}/Account/alpha`, { token: admin })).json();
    expect(account.status).toBe('active');
    const tokens = (await call(app, 'POST', `${P}/Token/query`, { token: admin })).json();
    expect(tokens.result.every((t: { revokedAt: unknown }) => t.revokedAt === null)).toBe(true);
  });

  it('lets a partner act in its customer account', async () => {
    const admin = fx.tokens.alphaAdmin;
    expect((await call(app, 'GET', `${P}/Account/alpha-c`, { token: admin })).statusCode).toBe(200);
    const env = await call(app, 'POST', `${P}/Environment?overrideAccount=alpha-c`, {
      token: admin,
      payload: { name: 'Customer test' },
    });
    expect(env.statusCode).toBe(201);
    const mine = await call(app, 'POST', `${P}/Environment/query`, { token: fx.tokens.childAdmin });
    expect(mine.json().result.map((e: { name: string }) => e.name)).toContain('Customer test');
  });
});
