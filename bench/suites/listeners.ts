import { Agent } from 'node:http';
import { createProcess, defaultHttpListener, type ProcessDocument } from '@junction/process-model';
import { buildApp } from '@junction/server';
import { type Figure, fmt } from '../measure.ts';
import { listen, load, rate, send } from './server.ts';

const CLIENTS = 32;
const PLATFORM = '/api/platform/v1';

/** Listen → Map → Return Documents: the issue's figure (n8n publishes 220/s on 2 vCPUs). */
function listenerProcess(): ProcessDocument {
  const base = createProcess({ id: 'bench-listener', name: 'Bench listener' });
  return {
    ...base,
    shapes: {
      start: {
        kind: 'start',
        label: '',
        config: {
          mode: 'listen',
          listener: {
            ...defaultHttpListener(),
            path: 'orders',
            limits: { maxBodyBytes: 65_536, ratePerMinute: 100_000, concurrency: 1_000 },
          },
        },
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
      answer: { kind: 'return-documents', label: '', config: { label: 'answer' } },
    },
    connections: [
      { id: 'c1', from: { shape: 'start', port: 'default' }, to: { shape: 'map' } },
      { id: 'c2', from: { shape: 'map', port: 'default' }, to: { shape: 'answer' } },
    ],
  };
}

/**
 * Synchronous listener calls over a real loopback socket, 32 clients, each call an
 * execution recorded for Process Reporting, beside the health route on the same
 * server and clients (the floor of an authenticated-free /api answer).
 */
export async function listenerFigures(): Promise<Figure[]> {
  const app = await buildApp({ logger: false, runThreads: { warm: true } });
  const base = await listen(app);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = async (path: string, body: unknown) => {
    const res = await send(agent, base, { method: 'POST', path, body: JSON.stringify(body) });
    if (res.status >= 300) {
      throw new Error(`bench setup: POST ${path} answered ${res.status}: ${res.body}`);
    }
    return JSON.parse(res.body) as Record<string, string>;
  };
  try {
    const environment = (
      await post(`${PLATFORM}/Environment`, { name: 'Production', classification: 'PROD' })
    )['id'];
    const token = (await post(`${PLATFORM}/Token`, { name: 'bench', role: 'operator' }))['token'];
    await post(`${PLATFORM}/Process`, listenerProcess());
    await post(`${PLATFORM}/execute/deploy-process`, {
      processId: 'bench-listener',
      environmentId: environment,
    });
    const body = JSON.stringify({ order: { id: 'A-1', qty: 2 } });
    const call = async () => {
      const res = await send(agent, base, {
        method: 'POST',
        path: `/api/listen/${environment}/orders`,
        headers: { authorization: `Bearer ${token}` },
        body,
      });
      return res.status === 200 && res.body === '{"orderId":"A-1","quantity":2}';
    };
    const alone = await load(1, call, 1_000);
    const calls = await load(CLIENTS, call);
    const health = await load(
      CLIENTS,
      async () => (await send(agent, base, { method: 'GET', path: '/api/health' })).status === 200,
    );
    return [
      {
        figure: `synchronous listener calls of Listen -> Map -> Return Documents, ${CLIENTS} clients over 127.0.0.1 (each an execution in Process Reporting)`,
        value: `${rate(calls.perSecond)}, p50 ${fmt(calls.p50)}, p99 ${fmt(calls.p99)}${calls.failures ? ` (${calls.failures} failed)` : ''}`,
        comparison: `one client alone: ${rate(alone.perSecond)}, p50 ${fmt(alone.p50)}; /api/health, same server and clients: ${rate(health.perSecond)}, p50 ${fmt(health.p50)}; n8n publishes 220/s on 2 vCPUs`,
        target: '≥ 100 calls/s on embedded PGlite, no failures',
        met: calls.perSecond >= 100 && calls.failures === 0,
      },
    ];
  } finally {
    agent.destroy();
    await app.close();
  }
}
