import { fileURLToPath } from 'node:url';
import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
} from '@junction/process-model';
import { buildApp } from '@junction/server';
import { chromium, type Page } from '@playwright/test';
import type { Figure } from '../measure.ts';

/** A grid of `n` shapes chained left to right, row by row. */
function gridProcess(id: string, n: number): ProcessDocument {
  let doc = createProcess({ id, name: `${n} shapes` });
  let previous = 'start';
  for (let i = 1; i < n; i++) {
    const shapeId = `s${i}`;
    const position = { x: (i % 25) * 220, y: Math.floor(i / 25) * 140 };
    doc = addShape(doc, { id: shapeId, kind: i === n - 1 ? 'stop' : 'map', position });
    doc = connectShapes(doc, {
      id: `c${i}`,
      from: { shape: previous, port: 'default' },
      to: { shape: shapeId },
    });
    previous = shapeId;
  }
  return doc;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Frame intervals while `act` runs, from requestAnimationFrame timestamps. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  // Plain strings: the bundler's helpers (e.g. __name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  const stamps = (await page.evaluate(
    '(() => { window.__recording = false; return window.__frames; })()',
  )) as number[];
  return stamps
    .slice(1)
    .map((t, i) => t - (stamps[i] ?? t))
    .sort((a, b) => a - b);
}

async function measure(page: Page, baseUrl: string, doc: ProcessDocument) {
  const started = performance.now();
  await page.goto(`${baseUrl}/processes/${doc.id}`);
  await page.getByRole('region', { name: 'Shape Start' }).waitFor();
  const open = performance.now() - started;
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const cx = (pane?.x ?? 0) + (pane?.width ?? 800) / 2;
  const cy = (pane?.y ?? 0) + (pane?.height ?? 600) / 2;
  const pan = await frameTimes(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(cx - i * 4, cy - i * 2);
    }
    await page.mouse.up();
  });
  const start = await page.getByRole('region', { name: 'Shape Start' }).boundingBox();
  const drag = await frameTimes(page, async () => {
    const x = (start?.x ?? 0) + 20;
    const y = (start?.y ?? 0) + 10;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(x + i * 3, y + i);
    }
    await page.mouse.up();
  });
  return { open, pan, drag };
}

/** Opening, panning and dragging a 500-shape process in headless Chromium, next to 10 shapes. */
export async function canvasBrowserFigures(): Promise<Figure[]> {
  const webDist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
  const app = await buildApp({ webDist });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const results = [];
    for (const n of [10, 500]) {
      const doc = gridProcess(`bench-${n}`, n);
      await app.inject({ method: 'POST', url: '/api/processes/import', payload: doc });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      results.push({ n, ...(await measure(page, baseUrl, doc)) });
      await page.close();
    }
    const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
    const fmtFrames = (f: number[]) =>
      `p50 ${percentile(f, 0.5).toFixed(1)} ms, p95 ${percentile(f, 0.95).toFixed(1)} ms`;
    return [
      {
        figure: 'canvas in Chromium: open a 500-shape process',
        value: `${Math.round(large.open)} ms`,
        comparison: `10 shapes: ${Math.round(small.open)} ms`,
        target: '< 2000 ms',
        met: large.open < 2000,
      },
      {
        figure: 'canvas in Chromium: frame times while panning 500 shapes',
        value: fmtFrames(large.pan),
        comparison: `10 shapes: ${fmtFrames(small.pan)}`,
        target: 'p95 < 50 ms (headless, software rendering)',
        met: percentile(large.pan, 0.95) < 50,
      },
      {
        figure: 'canvas in Chromium: frame times while dragging a shape among 500',
        value: fmtFrames(large.drag),
        comparison: `10 shapes: ${fmtFrames(small.drag)}`,
        target: 'p95 < 50 ms (headless, software rendering)',
        met: percentile(large.drag, 0.95) < 50,
      },
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}
