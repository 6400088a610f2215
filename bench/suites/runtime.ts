import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import { buildApp } from '@junction/server';
import { type Figure, fmt, medianPairMs } from '../measure.ts';

const SCALE = 20_000;

interface Run {
  status: string;
  shapes: Record<string, { documentsOut: number }>;
}

/**
 * Start -> List Resource · Request -> Stop against the in-process sandbox, compared
 * with the same records read straight from the sandbox API: the runtime's overhead.
 */
export async function runtimeFigures(): Promise<Figure[]> {
  // A data directory, as `npm start` runs: in-memory PGlite pays for growing its
  // files in memory, which a real server never does.
  const dataDir = await mkdtemp(join(tmpdir(), 'junction-bench-'));
  const app = await buildApp({
    sandbox: { seed: 7, scale: SCALE },
    dataDir,
    // As `npm start` runs: engine threads loaded before the first run.
    runThreads: { warm: true },
  });
  try {
    const process = (await import('@junction/runtime/testing')).listRequestsProcess();
    let records = 0;
    const runOnce = async () => {
      const started = (
        await app.inject({ method: 'POST', url: '/api/runs', payload: { process } })
      ).json() as { id: string };
      // Long-poll: the answer comes when the run has ended, no polling loop.
      for (;;) {
        const run = (await app.inject({ url: `/api/runs/${started.id}?wait=60` })).json() as Run;
        if (run.status !== 'running') {
          records = run.shapes['list']?.documentsOut ?? 0;
          if (run.status !== 'complete') {
            throw new Error(`bench run ended ${run.status}`);
          }
          return;
        }
      }
    };
    const readDirect = async () => {
      for (let offset = 0; ; offset += 100) {
        const page = await app.inject({
          url: `/sandbox/connect/public/v1/requests?limit=100&offset=${offset}`,
          headers: { authorization: SANDBOX_DEMO_TOKEN },
        });
        if ((page.json() as unknown[]).length < 100) {
          return;
        }
      }
    };
    // In turn, so a machine that slows down meanwhile slows both.
    const { fn: run, floor: direct, ratio } = await medianPairMs(runOnce, readDirect, 5, 1);
    const perSecond = records / (run / 1000);
    return [
      {
        figure: `test run: list ${records} requests through Start -> Connector -> Stop, every document stored in PGlite on disk (median)`,
        value: `${fmt(run)} (${Math.round(perSecond).toLocaleString('en')} documents/s)`,
        comparison: `paging the same records from the sandbox directly, timed in turn with each run: ${fmt(direct)} (runtime ×${ratio.toFixed(2)}, the median of the pairs)`,
        target: 'runtime overhead < ×2 over reading the records',
        met: ratio < 2,
      },
    ];
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
