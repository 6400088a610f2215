import {
  createProcess,
  defaultHttpListener,
  type HttpListener,
  type ProcessDocument,
} from '@junction/process-model';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { call, P } from './platform-fixtures.ts';

const doc = (name: string) => ({ type: 'document-property', name }) as const;
const text = (value: string) => ({ type: 'static', value }) as const;

/**
 * Listen → Map → Set Properties → Return Documents: maps `order.id`/`order.qty` to
 * `{orderId, quantity}` and answers 201 with an `x-source` header taken from the
 * call's `source` query parameter.
 */
export function listenerProcess(
  id: string,
  listener: Partial<HttpListener>,
  name = `Listener ${id}`,
): ProcessDocument {
  const base = createProcess({ id, name });
  return {
    ...base,
    shapes: {
      start: {
        kind: 'start',
        label: '',
        config: { mode: 'listen', listener: { ...defaultHttpListener(), ...listener } },
      },
      map: {
        kind: 'map',
        label: '',
        config: {
          mappings: [
            { from: 'order.id', to: 'orderId' },
            { from: 'order.qty', to: 'quantity' },
          ],
          expression: '',
        },
      },
      props: {
        kind: 'set-properties',
        label: '',
        config: {
          properties: [
            { target: 'dynamic-document', name: 'listen.response.status', parts: [text('201')] },
            {
              target: 'dynamic-document',
              name: 'listen.response.header.x-source',
              parts: [doc('listen.query.source')],
            },
          ],
        },
      },
      answer: { kind: 'return-documents', label: '', config: { label: 'answer' } },
    },
    connections: [
      { id: 'c1', from: { shape: 'start', port: 'default' }, to: { shape: 'map' } },
      { id: 'c2', from: { shape: 'map', port: 'default' }, to: { shape: 'props' } },
      { id: 'c3', from: { shape: 'props', port: 'default' }, to: { shape: 'answer' } },
    ],
  };
}

async function ok(res: Awaited<ReturnType<typeof call>>) {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

/** Saves a process in the token's account (unless it is there) and deploys its latest revision. */
export async function deployProcess(
  app: FastifyInstance,
  token: string,
  process: ProcessDocument,
  environmentId = 'production',
): Promise<{ id: string }> {
  const existing = await call(app, 'GET', `${P}/Process/${process.id}`, { token });
  if (existing.statusCode === 404) {
    await ok(await call(app, 'POST', `${P}/Process`, { token, payload: process }));
  }
  return ok(
    await call(app, 'POST', `${P}/execute/deploy-process`, {
      token,
      payload: { processId: process.id, environmentId },
    }),
  );
}
