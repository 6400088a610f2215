// Child process of the engine bench: runs the reference process over N records and
// prints the peak resident memory, sampled while it runs.
import { executeProcess } from '@junction/runtime';
import { referenceInput, referenceProcess } from './suites/engine-reference.ts';

const records = Number(process.argv[2] ?? 1_000_000);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const started = performance.now();
const outcome = await executeProcess(referenceProcess(), {
  connectors: { execute: async () => [] },
  startDocuments: referenceInput(records),
  testMode: true,
});
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  JSON.stringify({
    status: outcome.status,
    peak,
    ms: performance.now() - started,
    stop: outcome.shapes['stop']?.documentsIn,
  }),
);
