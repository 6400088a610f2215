import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  updateShape,
} from '@junction/process-model';
import { listRequestsProcess } from '@junction/runtime/testing';
import type { buildTestApp } from './build-test-app.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

export async function waitForRun(app: App, id: string) {
  for (let i = 0; i < 400; i++) {
    const run = (await app.inject({ url: `/api/runs/${id}` })).json();
    if (run.status !== 'running') {
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run ${id} did not finish`);
}

/** Start -> Stop: whatever Start hands on reaches Stop unchanged. */
export function passThroughProcess(id = 'pass'): ProcessDocument {
  let doc = createProcess({ id, name: 'Pass through' });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 300, y: 160 } });
  return connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'stop' },
  });
}

/** Start (connector: List Resource · Request) -> Stop: a Get at Start, counted as In. */
export function startGetProcess(id = 'get'): ProcessDocument {
  return withListAtStart(passThroughProcess(id), 'sandbox');
}

/** `doc` with its Start made a connector: List Resource · Request on `connectionId`. */
export function withListAtStart(doc: ProcessDocument, connectionId: string): ProcessDocument {
  const start = doc.shapes['start'];
  if (start?.kind !== 'start') {
    throw new Error('unreachable: every process has a Start');
  }
  return updateShape(doc, 'start', {
    ...start,
    config: {
      mode: 'connector',
      operation: {
        connector: 'cloudblue-connect',
        connectionId,
        action: 'list',
        object: 'request',
        trackingDirection: 'output',
        returnApplicationErrors: false,
        parameters: [],
      },
    },
  });
}

export async function createStoredProcess(app: App, document: ProcessDocument) {
  const created = (
    await app.inject({ method: 'POST', url: '/api/processes', payload: { name: document.name } })
  ).json() as { id: string };
  const saved = await app.inject({
    method: 'PUT',
    url: `/api/processes/${created.id}`,
    headers: { 'if-match': '"1"' },
    payload: { ...document, id: created.id },
  });
  if (saved.statusCode !== 200) {
    throw new Error(`save failed: ${saved.body}`);
  }
  return { id: created.id, document: { ...document, id: created.id } };
}

/** A Connect stand-in on loopback that holds every call until `release`. */
export async function heldConnect(app: App, status: number, body: unknown) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const stub = createServer((_req, res) => {
    void gate.then(() => {
      const count = Array.isArray(body) ? body.length : 0;
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(status === 200 ? { 'content-range': `items 0-${count - 1}/${count}` } : {}),
      });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const connection = await app.inject({
    method: 'POST',
    url: '/api/connections',
    payload: {
      name: 'Held',
      endpoint: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/public/v1`,
      token: 'ApiKey SU-000:held',
    },
  });
  const connectionId = connection.json().id as string;
  return {
    connectionId,
    /** Starts a test run of the sample List process against this stand-in; its run id. */
    startList: async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/runs',
          payload: { process: listRequestsProcess(), connectionId },
        })
      ).json().id as string,
    release,
    close: () => {
      release();
      stub.close();
    },
  };
}
