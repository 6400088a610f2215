// Child process of the map bench: the reference flow with map functions and with
// JSONata against the hand-written loop, and the Map shape's own time per
// document, medians in a fresh heap.
import type { ProcessDocument } from '@junction/process-model';
import { executeProcess } from '@junction/runtime';
import { medianMs } from './measure.ts';
import {
  handWrittenMap,
  MAP_WITH_FUNCTIONS,
  MAP_WITH_JSONATA,
  MAP_WITH_JSONATA_INTERPRETED,
  mapReferenceInput,
  mapReferenceProcess,
  passing,
} from './suites/map-reference.ts';

const records = Number(process.argv[2] ?? 100_000);
const input = mapReferenceInput(records);

/** The flow's median time, and the Map shape's own time per document in that run. */
async function flow(
  process: ProcessDocument,
  runs: number,
): Promise<{ ms: number; mapUs: number }> {
  const mapUs: number[] = [];
  const ms = await medianMs(
    async () => {
      const outcome = await executeProcess(process, {
        connectors: { execute: async () => [] },
        startDocuments: input,
        testMode: true,
      });
      if (
        outcome.status !== 'complete' ||
        outcome.shapes['stop']?.documentsIn !== passing(records)
      ) {
        throw new Error(`map reference run ended ${outcome.status}: ${outcome.error}`);
      }
      mapUs.push(((outcome.shapes['map']?.elapsedMs ?? 0) * 1000) / records);
    },
    runs,
    2,
  );
  mapUs.sort((a, b) => a - b);
  return { ms, mapUs: mapUs[Math.floor(mapUs.length / 2)] ?? 0 };
}

const functions = await flow(mapReferenceProcess(MAP_WITH_FUNCTIONS), 7);
const jsonata = await flow(mapReferenceProcess(MAP_WITH_JSONATA), 7);
const interpreted = await flow(mapReferenceProcess(MAP_WITH_JSONATA_INTERPRETED), 3);
const loopMs = await medianMs(() => handWrittenMap(input[0]!.data), 7, 2);
console.log(JSON.stringify({ functions, jsonata, interpreted, loopMs }));
