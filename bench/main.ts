import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Figure } from './measure.ts';
import { canvasFigures } from './suites/canvas.ts';
import { canvasBrowserFigures } from './suites/canvas-browser.ts';
import { connectClientFigures } from './suites/connect-client.ts';
import { engineFigures } from './suites/engine.ts';
import { listenerFigures } from './suites/listeners.ts';
import { mapFigures } from './suites/map.ts';
import { processModelFigures } from './suites/process-model.ts';
import { queueFigures } from './suites/queue.ts';
import { runtimeFigures } from './suites/runtime.ts';
import { scaleFigures } from './suites/scale.ts';
import { serverFigures } from './suites/server.ts';

// Every benchmark of the repo, run in one process so ratios compare like with like.
const suites: [string, () => Promise<Figure[]>][] = [
  ['process-model', processModelFigures],
  ['canvas', canvasFigures],
  ['canvas in Chromium', canvasBrowserFigures],
  ['engine', engineFigures],
  ['map', mapFigures],
  ['runtime', runtimeFigures],
  ['server', serverFigures],
  ['queue and workers', queueFigures],
  ['scale', scaleFigures],
  ['listeners', listenerFigures],
  ['connect-client', connectClientFigures],
];

// `node bench/main.ts map engine` runs only those suites and prints their table
// without writing results.md, which holds one full run's figures.
const only = process.argv.slice(2);
const chosen = only.length === 0 ? suites : suites.filter(([name]) => only.includes(name));
const rows: Figure[] = [];
for (const [name, suite] of chosen) {
  console.log(`bench: ${name}…`);
  rows.push(...(await suite()));
}
const lines = [
  '# Benchmarks',
  '',
  `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length} cores. Medians of repeated runs in one process; the machines are shared, so compare figures from the same run.`,
  '',
  '| figure | value | comparison | target | met |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) => `| ${r.figure} | ${r.value} | ${r.comparison} | ${r.target} | ${r.met ? 'yes' : 'no'} |`,
  ),
  '',
  // What each figure was before a change and what made the difference: written by
  // hand beside the suites (bench/notes.md), carried into every results.md.
  readFileSync(new URL('./notes.md', import.meta.url), 'utf8').trim(),
  '',
];
if (only.length === 0) {
  writeFileSync(new URL('./results.md', import.meta.url), lines.join('\n'));
}
console.log(lines.join('\n'));
