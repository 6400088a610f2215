import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, fmt } from '../measure.ts';

const RECORDS = 100_000;
const MANY = 1_000_000;

/**
 * The engine alone (no storage, no HTTP) on the reference process, next to the
 * same transforms written by hand; and a million documents' peak memory. Each is
 * measured in a child process so this process's heap does not count.
 */
export async function engineFigures(): Promise<Figure[]> {
  // Both sides run in a fresh child process, so what earlier suites left in this
  // heap cannot tilt the comparison: the engine allocates far more than the loop
  // and would feel it more (one full run read ×1.87 where runs alone read ×1.2–1.4).
  const timing = JSON.parse(runChild('../engine-timing.ts', RECORDS)) as {
    engineMs: number;
    loopMs: number;
  };
  const { engineMs, loopMs } = timing;
  const ratio = engineMs / loopMs;
  const child = runChild('../engine-memory.ts', MANY);
  const memory = JSON.parse(child) as {
    status: string;
    peak: number;
    ms: number;
  };
  const peakMb = memory.peak / (1024 * 1024);
  return [
    {
      figure: `engine: reference process over ${RECORDS.toLocaleString('en')} documents (split, Map, Decision, Set Properties, Stop; median)`,
      value: `${fmt(engineMs)} (${Math.round(RECORDS / (engineMs / 1000)).toLocaleString('en')} documents/s)`,
      comparison: `the same transforms by hand: ${fmt(loopMs)} (engine ×${ratio.toFixed(2)})`,
      target: 'engine ≤ ×1.5 the hand-written loop',
      met: ratio <= 1.5,
    },
    {
      figure: `engine: peak memory for ${MANY.toLocaleString('en')} documents through the reference process`,
      value: `${Math.round(peakMb)} MB in ${(memory.ms / 1000).toFixed(1)} s (${memory.status})`,
      comparison: `${RECORDS.toLocaleString('en')} documents: ${fmt(engineMs)}`,
      target: '< 2048 MB',
      met: peakMb < 2048 && memory.status === 'complete',
    },
  ];
}

/** Runs a bench script in a fresh Node process and returns the last line it printed. */
function runChild(script: string, records: number): string {
  const output = execFileSync(
    globalThis.process.execPath,
    [fileURLToPath(new URL(script, import.meta.url)), String(records)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return output.trim().split('\n').at(-1) ?? '{}';
}
