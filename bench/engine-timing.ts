// Child process of the engine bench: the reference process against the hand-written
// loop, medians of both, in a fresh heap that earlier suites have not filled.
import { executeProcess } from '@junction/runtime';
import { medianMs } from './measure.ts';
import { handWritten, referenceInput, referenceProcess } from './suites/engine-reference.ts';

const records = Number(process.argv[2] ?? 100_000);
const reference = referenceProcess();
const input = referenceInput(records);
const engineMs = await medianMs(
  async () => {
    const outcome = await executeProcess(reference, {
      connectors: { execute: async () => [] },
      startDocuments: input,
      testMode: true,
    });
    if (outcome.status !== 'complete' || outcome.shapes['stop']?.documentsIn !== records) {
      throw new Error(`reference run ended ${outcome.status}: ${outcome.error}`);
    }
  },
  7,
  2,
);
const loopMs = await medianMs(() => handWritten(input[0]!.data), 7, 2);
console.log(JSON.stringify({ engineMs, loopMs }));
