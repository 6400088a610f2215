import {
  createProcess,
  defaultShape,
  type ProcessDocument,
  serializeProcess,
  validateProcess,
} from '@junction/process-model';
// Not part of the package's API: the benchmark switches to the fallback the browser
// uses under a CSP without 'unsafe-eval', to show what compilation buys.
import { setCodeGeneration } from '../../packages/process-model/src/validation/checker.ts';
import { type Figure, fmt, medianMs } from '../measure.ts';

/**
 * A chain of `n` shapes (Start, maps, a final Stop): the largest process Boomi
 * allows is 250 shapes. Built directly rather than by addShape/connectShapes,
 * which copy the document per step and would make 5,000 shapes take seconds;
 * the result is the same document.
 */
export function chainProcess(n: number): ProcessDocument {
  const doc = createProcess({ id: 'bench', name: 'Bench' });
  const shapes: ProcessDocument['shapes'] = { ...doc.shapes };
  const layout: ProcessDocument['layout'] = { ...doc.layout };
  const connections: ProcessDocument['connections'] = [];
  let previous = 'start';
  for (let i = 1; i < n; i++) {
    const id = `s${i}`;
    shapes[id] = defaultShape(i === n - 1 ? 'stop' : 'map');
    layout[id] = { x: i * 200, y: 100 };
    connections.push({
      id: `c${i}`,
      from: { shape: previous, port: 'default' },
      to: { shape: id },
    });
    previous = id;
  }
  return { ...doc, shapes, layout, connections };
}

// The 5,000-shape case is past Boomi's limits on purpose; raise them so it is all checked.
const HUGE_LIMITS = { limits: { warnAt: 10_000, maxShapes: 10_000 } };

export async function processModelFigures(): Promise<Figure[]> {
  const small = chainProcess(10);
  const large = chainProcess(250);
  const huge = chainProcess(5000);
  const validateSmall = await medianMs(() => validateProcess(small), 200);
  const validateLarge = await medianMs(() => validateProcess(large), 200);
  const validateHuge = await medianMs(() => validateProcess(huge, HUGE_LIMITS), 30);
  setCodeGeneration(false);
  const interpretedLarge = await medianMs(() => validateProcess(large), 50);
  setCodeGeneration(undefined);
  const serializeLarge = await medianMs(() => serializeProcess(large), 50);
  return [
    {
      figure: 'validate a 250-shape process (median)',
      value: fmt(validateLarge),
      comparison: `10 shapes: ${fmt(validateSmall)}; without compiled checks (browser under CSP): ${fmt(interpretedLarge)}`,
      target: '< 2 ms (validation runs on every edit)',
      met: validateLarge < 2,
    },
    {
      figure: 'validate a 5,000-shape process, limits raised (median)',
      value: fmt(validateHuge),
      comparison: `×${(validateHuge / validateLarge).toFixed(1)} the 250-shape time for ×20 shapes`,
      target: '< 50 ms (linear: one DFS for loops, compiled checks)',
      met: validateHuge < 50,
    },
    {
      figure: 'serialize a 250-shape process (median)',
      value: fmt(serializeLarge),
      comparison: `validate: ${fmt(validateLarge)}`,
      target: '< 16 ms (dirty check compares serialized files)',
      met: serializeLarge < 16,
    },
  ];
}
