import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { executeProcess } from '@junction/server';
import { type Figure, fmt, medianMs } from '../measure.ts';
import { handWritten, referenceInput, referenceProcess } from './engine-reference.ts';

const RECORDS = 100_000;
const MANY = 1_000_000;
const noConnectors = { execute: async (): Promise<unknown[]> => [] };

/**
 * The engine alone (no storage, no HTTP) on the reference process, next to the
 * same transforms written by hand; and a million documents' peak memory, measured
 * in a child process so this process's heap does not count.
 */
export async function engineFigures(): Promise<Figure[]> {
  const process = referenceProcess();
  const input = referenceInput(RECORDS);
  const engineMs = await medianMs(
    async () => {
      const outcome = await executeProcess(process, {
        connectors: noConnectors,
        startDocuments: input,
        testMode: true,
      });
      if (outcome.status !== 'complete' || outcome.shapes['stop']?.documentsIn !== RECORDS) {
        throw new Error(`reference run ended ${outcome.status}: ${outcome.error}`);
      }
    },
    5,
    1,
  );
  const loopMs = await medianMs(() => handWritten(input[0]!.data), 5, 1);
  const ratio = engineMs / loopMs;
  const child = execFileSync(
    globalThis.process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('../engine-memory.ts', import.meta.url)),
      String(MANY),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const memory = JSON.parse(child.trim().split('\n').at(-1) ?? '{}') as {
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
