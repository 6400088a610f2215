import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRequestsProcess } from '@junction/runtime/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { withListAtStart } from './run-helpers.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const GRACE_MS = 3000;

/** A Connect stand-in on loopback that answers every call only once `release` is called. */
async function heldStub() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  const server: Server = createServer((_req, res) => {
    calls += 1;
    void gate.then(() => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-range': 'items 0-0/1' });
      res.end(JSON.stringify([{ id: 'PR-1' }]));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/public/v1`,
    calls: () => calls,
    release: () => release(),
    close: () => {
      release();
      server.closeAllConnections();
      server.close();
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The real server, as `npm start` runs it, on its own port and data directory. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JUNCTION_DATA_DIR: dataDir,
    JUNCTION_EGRESS_ALLOW: '127.0.0.1',
    JUNCTION_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    JUNCTION_WEB_DIST: join(dataDir, 'no-web'),
  };
  delete env['DATABASE_URL']; // embedded PGlite in dataDir, read back below
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Junction is running at')) {
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  await ready;
  return { child, base: `http://127.0.0.1:${port}` };
}

async function post(base: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id: string };
  if (res.status !== 201) {
    throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  }
  return json;
}

/** Start (Get on `connectionId`) -> List Resource · Request on the built-in sandbox -> Stop. */
function heldThenSandboxProcess(connectionId: string) {
  return withListAtStart(listRequestsProcess('held-then-sandbox', 'sandbox'), connectionId);
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 400 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!condition()) {
    throw new Error(`timed out waiting for ${what}`);
  }
}

/** The stored status and error of each run, read from the data directory once the server is gone. */
async function storedRuns(dataDir: string, ids: string[]) {
  const db = await openDatabase({ dataDir });
  try {
    const rows = await db.query<{ id: string; status: string; error: string | null }>(
      'SELECT id, status, error FROM runs',
    );
    return ids.map((id) => {
      const row = rows.find((r) => r.id === id);
      return row && { status: row.status, error: row.error };
    });
  } finally {
    await db.close();
  }
}

const CUT_OFF = { status: 'aborted', error: 'Server shut down before the run finished' };

describe('SIGTERM while runs are running (the real server process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-shutdown-'));
  const never = { close: () => undefined } as Awaited<ReturnType<typeof heldStub>>;
  let stuck = never;
  let late = never;
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid !== undefined && child.exitCode === null) {
      process.kill(child.pid, 'SIGKILL');
    }
    stuck.close();
    late.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets a run finish within the grace period and stores the one cut off as ABORTED', async () => {
    stuck = await heldStub();
    late = await heldStub();
    const server = await startServer(dataDir);
    child = server.child;
    const connection = (name: string, endpoint: string) =>
      post(server.base, '/api/connections', { name, endpoint, token: 'ApiKey SU-000:held' });
    const stuckConnection = await connection('Stuck', stuck.endpoint);
    const lateConnection = await connection('Late', late.endpoint);

    // A test run whose Connect call never answers: the grace period runs out.
    const cutOff = await post(server.base, '/api/runs', {
      process: listRequestsProcess('stuck'),
      connectionId: stuckConnection.id,
    });
    // An execution whose first call answers after SIGTERM and whose next one goes to
    // the in-process sandbox, which must still answer during the grace period.
    const imported = await post(
      server.base,
      '/api/processes/import',
      heldThenSandboxProcess(lateConnection.id),
    );
    const finishing = await post(server.base, `/api/processes/${imported.id}/executions`, {});
    await until(() => stuck.calls() > 0 && late.calls() > 0, 'both runs to call Connect');

    const signalled = Date.now();
    const exited = once(server.child, 'exit');
    process.kill(server.child.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // During the grace period the server still answers, but starts no new run.
    const refused = await fetch(`${server.base}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ process: listRequestsProcess('late') }),
    });
    expect(refused.status).toBe(503);
    late.release();
    const [code] = await exited;
    expect(code).toBe(0);
    // The stuck run had its grace period, and the server did not wait for it forever.
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(GRACE_MS - 200);

    expect(await storedRuns(dataDir, [cutOff.id, finishing.id])).toEqual([
      CUT_OFF,
      { status: 'complete', error: null },
    ]);
  }, 90_000);
});

describe('app.close() while a run is running', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-close-'));
  const never = { close: () => undefined } as Awaited<ReturnType<typeof heldStub>>;
  let held = never;
  afterAll(() => {
    held.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('aborts it with the shutdown reason instead of failing it on the closed app', async () => {
    held = await heldStub();
    const app = await buildApp({
      dataDir,
      secretKey: randomBytes(32).toString('base64'),
      egressAllow: ['127.0.0.1'],
    });
    const inject = async (url: string, payload: object) =>
      (await app.inject({ method: 'POST', url, payload })).json() as { id: string };
    const connection = await inject('/api/connections', {
      name: 'Held',
      endpoint: held.endpoint,
      token: 'ApiKey SU-000:held',
    });
    const imported = await inject('/api/processes/import', heldThenSandboxProcess(connection.id));
    const run = await inject(`/api/processes/${imported.id}/executions`, {});
    await until(() => held.calls() > 0, 'the run to call Connect');

    // Once close() has begun, the sandbox (app.inject) answers "Fastify has already
    // been closed": a run that went on to call it used to be stored as ERROR.
    const closed = app.close();
    setTimeout(() => held.release(), 100);
    await closed;
    expect(await storedRuns(dataDir, [run.id])).toEqual([CUT_OFF]);
  }, 60_000);
});
