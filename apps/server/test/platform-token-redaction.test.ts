import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addShape,
  connectShapes,
  createProcess,
  defaultConnectorConfig,
  type ProcessDocument,
} from '@junction/process-model';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { REDACTED_TOKEN } from '../src/runs/redact-secrets.ts';
import { call, P } from './platform-fixtures.ts';
import { createStoredProcess, waitForRun } from './run-helpers.ts';

/** Any Platform API token in plain text. */
const PLAINTEXT_TOKEN = /jct_[A-Za-z0-9_-]{20,}/;
const text = (value: string) => ({ type: 'static', value }) as const;

/** Start → Partner API connector (Create Token, output tracked) → Notify "token {1}" → Stop. */
function mintTokenProcess(connectionId: string): ProcessDocument {
  const base = defaultConnectorConfig('junction-platform');
  if (base.connector !== 'junction-platform') {
    throw new Error('unreachable');
  }
  const config = {
    ...base,
    connectionId,
    object: 'token',
    action: 'create',
    trackingDirection: 'output',
    parameters: [
      { name: 'name', value: text('Provisioned by a process') },
      { name: 'role', value: text('viewer') },
    ],
  } as typeof base;
  let doc = createProcess({ id: 'mint-token', name: 'Mint a token' });
  doc = addShape(doc, {
    id: 'call',
    kind: 'connector',
    position: { x: 300, y: 0 },
    shape: { kind: 'connector', label: '', config },
  });
  doc = addShape(doc, {
    id: 'notify',
    kind: 'notify',
    position: { x: 500, y: 0 },
    shape: {
      kind: 'notify',
      label: '',
      config: {
        level: 'info',
        title: 'Minted',
        text: 'token {1}',
        parameters: [{ type: 'profile-element', path: 'token' }],
        oncePerExecution: false,
      },
    },
  });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 700, y: 0 } });
  const wire = (id: string, from: string, to: string) => (d: ProcessDocument) =>
    connectShapes(d, { id, from: { shape: from, port: 'default' }, to: { shape: to } });
  return [
    wire('c1', 'start', 'call'),
    wire('c2', 'call', 'notify'),
    wire('c3', 'notify', 'stop'),
  ].reduce((d, step) => step(d), doc);
}

/** Everything the API shows of a run: record, documents of every shape, logs, events. */
async function everythingAbout(app: FastifyInstance, runId: string): Promise<string> {
  const urls = [`/api/runs/${runId}`, `/api/runs/${runId}/logs`, `/api/runs/${runId}/events`];
  for (const shape of ['start', 'call', 'notify', 'stop']) {
    for (const direction of ['in', 'out', 'error']) {
      urls.push(`/api/runs/${runId}/shapes/${shape}/documents?direction=${direction}&limit=500`);
    }
  }
  const bodies = await Promise.all(urls.map(async (url) => (await app.inject({ url })).body));
  return bodies.join('\n');
}

/** Every byte under `dir` (database pages, WAL, key file), as text. */
function rawFiles(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) =>
      statSync(path).isDirectory() ? rawFiles(path) : readFileSync(path).toString('latin1'),
    )
    .join('\n');
}

describe('a token created by a process', () => {
  let dataDir: string;
  let app: FastifyInstance;
  let processId: string;
  let process: ProcessDocument;
  const runIds: string[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'junction-token-redaction-'));
    app = await buildApp({ dataDir });
    const minted = await call(app, 'POST', `${P}/Token`, {
      payload: { name: 'for the connection', role: 'admin' },
    });
    const connection = await call(app, 'POST', `${P}/Connection`, {
      payload: { name: 'Platform', kind: 'junction-platform', token: minted.json().token },
    });
    expect(connection.statusCode, connection.body).toBe(201);
    const stored = await createStoredProcess(app, mintTokenProcess(connection.json().id));
    processId = stored.id;
    process = stored.document;
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is created and handed on in a test run, but recorded redacted', async () => {
    const started = await call(app, 'POST', '/api/runs', { payload: { process } });
    expect(started.statusCode, started.body).toBe(201);
    const run = await waitForRun(app, started.json().id);
    expect(run.status, JSON.stringify(run)).toBe('complete');
    runIds.push(run.id);
    const shown = await everythingAbout(app, run.id);
    expect(shown).not.toMatch(PLAINTEXT_TOKEN);
    // The next shape got the token (its message has one), the record does not.
    expect(shown).toContain(`Minted: token ${REDACTED_TOKEN}`);
    const out = await app.inject({
      url: `/api/runs/${run.id}/shapes/call/documents?direction=out`,
    });
    const created = JSON.parse(out.json().items[0].data);
    expect(created).toMatchObject({ name: 'Provisioned by a process', token: REDACTED_TOKEN });
  });

  it('is recorded redacted by an execution too', async () => {
    const started = await call(app, 'POST', `/api/processes/${processId}/executions`);
    expect(started.statusCode, started.body).toBeLessThan(300);
    const run = await waitForRun(app, started.json().id);
    expect(run.status, JSON.stringify(run)).toBe('complete');
    runIds.push(run.id);
    const shown = await everythingAbout(app, run.id);
    expect(shown).not.toMatch(PLAINTEXT_TOKEN);
    expect(shown).toContain(REDACTED_TOKEN);
  });

  it('exists, and appears nowhere in the database or its files', async () => {
    const listed = await call(app, 'POST', `${P}/Token/query`, { payload: {} });
    const names = (listed.json().result as { name: string; revokedAt: string | null }[]).filter(
      (token) => token.name === 'Provisioned by a process' && token.revokedAt === null,
    );
    expect(names).toHaveLength(2);
    await app.close();

    const db = await openDatabase({ dataDir });
    const queries = {
      runs: 'SELECT * FROM runs WHERE id = ANY($1)',
      run_documents: 'SELECT * FROM run_documents WHERE run_id = ANY($1)',
      run_logs: 'SELECT * FROM run_logs WHERE run_id = ANY($1)',
    };
    for (const [table, sql] of Object.entries(queries)) {
      const rows = await db.query(sql, [runIds]);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(JSON.stringify(rows), table).not.toMatch(PLAINTEXT_TOKEN);
    }
    await db.close();
    expect(rawFiles(dataDir)).not.toMatch(PLAINTEXT_TOKEN);
  }, 60_000);
});
