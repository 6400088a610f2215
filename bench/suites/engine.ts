import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';
import { executeProcess } from '@junction/server';
import { type Figure, fmt, medianMs } from '../measure.ts';

const RECORDS = 100_000;

function chain(shapes: Shape[]): ProcessDocument {
  let doc = createProcess({ id: 'engine-bench', name: 'Engine bench' });
  let previous = 'start';
  shapes.forEach((shape, i) => {
    const id = `s${i + 1}`;
    doc = addShape(doc, { id, kind: shape.kind, position: { x: 0, y: 0 }, shape });
    doc = connectShapes(doc, {
      id: `c${i + 1}`,
      from: { shape: previous, port: 'default' },
      to: { shape: id },
    });
    previous = id;
  });
  return doc;
}

const noConnectors = {
  async execute(): Promise<unknown[]> {
    throw new Error('no connector in this benchmark');
  },
};

/**
 * The engine alone (no storage, no HTTP): split one document holding 100,000
 * records into 100,000 documents, then route each through a Decision. Compared
 * with Node-RED's published split hop (5,000 messages in 113 ms ≈ 44k/s).
 */
export async function engineFigures(): Promise<Figure[]> {
  const input = [
    {
      id: 'd0',
      data: JSON.stringify(Array.from({ length: RECORDS }, (_, i) => ({ n: i }))),
      properties: {},
    },
  ];
  const split = chain([
    {
      kind: 'data-process',
      label: '',
      config: { steps: [{ type: 'split', path: '$', batchCount: 1 }] },
    },
    { kind: 'stop', label: '', config: { endAndReturn: false } },
  ]);
  const decide = chain([
    {
      kind: 'data-process',
      label: '',
      config: { steps: [{ type: 'split', path: '$', batchCount: 1 }] },
    },
    {
      kind: 'decision',
      label: '',
      config: {
        left: { type: 'profile-element', path: 'n' },
        operator: 'ge',
        right: { type: 'static', value: '50000' },
      },
    },
  ]);
  const run = (doc: ProcessDocument) => async () => {
    const outcome = await executeProcess(doc, {
      connectors: noConnectors,
      startDocuments: input,
      testMode: true,
    });
    if (outcome.status !== 'complete') {
      throw new Error(`engine bench run ended ${outcome.status}: ${outcome.error}`);
    }
  };
  const splitMs = await medianMs(run(split), 5, 1);
  const decideMs = await medianMs(run(decide), 5, 1);
  const perSecond = (ms: number) => Math.round(RECORDS / (ms / 1000));
  return [
    {
      figure: `engine: split 1 document into ${RECORDS.toLocaleString('en')} and stop (median)`,
      value: `${fmt(splitMs)} (${perSecond(splitMs).toLocaleString('en')} documents/s)`,
      comparison: "Node-RED's split hop: ≈ 44,000 messages/s (5,000 in 113 ms)",
      target: '≥ 44,000 documents/s',
      met: perSecond(splitMs) >= 44_000,
    },
    {
      figure: `engine: split, then a Decision on each of ${RECORDS.toLocaleString('en')} documents (median)`,
      value: `${fmt(decideMs)} (${perSecond(decideMs).toLocaleString('en')} documents/s)`,
      comparison: `split alone: ${fmt(splitMs)}`,
      target: '≥ 44,000 documents/s',
      met: perSecond(decideMs) >= 44_000,
    },
  ];
}
