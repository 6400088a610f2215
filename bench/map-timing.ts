// Child process of the map bench: the reference flow with map functions and with
// JSONata against the hand-written loop, and the Map shape's own time per
// document, in a fresh heap. The flows and the loop take turns, round after
// round, so a busy moment of a shared machine weighs on all of them alike; the
// ratio is the median of each round's ratio.
import type { ProcessDocument } from '@junction/process-model';
import { executeProcess } from '@junction/runtime';
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
const ROUNDS = 7;

/** One run of a flow: its time, and the Map shape's own time per document. */
async function runFlow(process: ProcessDocument): Promise<{ ms: number; mapUs: number }> {
  const started = performance.now();
  const outcome = await executeProcess(process, {
    connectors: { execute: async () => [] },
    startDocuments: input,
    testMode: true,
  });
  const ms = performance.now() - started;
  if (outcome.status !== 'complete' || outcome.shapes['stop']?.documentsIn !== passing(records)) {
    throw new Error(`map reference run ended ${outcome.status}: ${outcome.error}`);
  }
  return { ms, mapUs: ((outcome.shapes['map']?.elapsedMs ?? 0) * 1000) / records };
}

function loop(): number {
  const started = performance.now();
  handWrittenMap(input[0]!.data);
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const withFunctions = mapReferenceProcess(MAP_WITH_FUNCTIONS);
const withJsonata = mapReferenceProcess(MAP_WITH_JSONATA);
const interpretedFlow = mapReferenceProcess(MAP_WITH_JSONATA_INTERPRETED);
for (let i = 0; i < 2; i++) {
  await runFlow(withFunctions);
  await runFlow(withJsonata);
  loop();
}
const rounds: {
  f: { ms: number; mapUs: number };
  j: { ms: number; mapUs: number };
  loopMs: number;
}[] = [];
for (let i = 0; i < ROUNDS; i++) {
  rounds.push({ f: await runFlow(withFunctions), j: await runFlow(withJsonata), loopMs: loop() });
}
const interpreted: number[] = [];
for (let i = 0; i < 3; i++) {
  interpreted.push((await runFlow(interpretedFlow)).mapUs);
}
const summary = (side: 'f' | 'j') => ({
  ms: median(rounds.map((r) => r[side].ms)),
  mapUs: median(rounds.map((r) => r[side].mapUs)),
  ratio: median(rounds.map((r) => r[side].ms / r.loopMs)),
});
console.log(
  JSON.stringify({
    functions: summary('f'),
    jsonata: summary('j'),
    interpreted: { mapUs: median(interpreted) },
    loopMs: median(rounds.map((r) => r.loopMs)),
  }),
);
