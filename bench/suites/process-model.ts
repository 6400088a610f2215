import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  serializeProcess,
  validateProcess,
} from '@junction/process-model';
import { type Figure, fmt, medianMs } from '../measure.ts';

/** A chain of `n` shapes: the largest process Boomi allows is 250 shapes. */
export function chainProcess(n: number): ProcessDocument {
  let doc = createProcess({ id: 'bench', name: 'Bench' });
  let previous = 'start';
  for (let i = 1; i < n; i++) {
    const id = `s${i}`;
    doc = addShape(doc, {
      id,
      kind: i === n - 1 ? 'stop' : 'map',
      position: { x: i * 200, y: 100 },
    });
    doc = connectShapes(doc, {
      id: `c${i}`,
      from: { shape: previous, port: 'default' },
      to: { shape: id },
    });
    previous = id;
  }
  return doc;
}

export async function processModelFigures(): Promise<Figure[]> {
  const small = chainProcess(10);
  const large = chainProcess(250);
  const validateSmall = await medianMs(() => validateProcess(small), 200);
  const validateLarge = await medianMs(() => validateProcess(large), 50);
  const serializeLarge = await medianMs(() => serializeProcess(large), 50);
  return [
    {
      figure: 'validate a 250-shape process (median)',
      value: fmt(validateLarge),
      comparison: `10 shapes: ${fmt(validateSmall)} (×${(validateLarge / validateSmall).toFixed(1)} for ×25 shapes)`,
      target: '< 16 ms (validation runs on every edit, within one frame)',
      met: validateLarge < 16,
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
