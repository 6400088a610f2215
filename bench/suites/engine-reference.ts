import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';

/**
 * The reference process of the runtime's figures:
 * No Data -> Data Process (split) -> Map -> Decision -(true)-> Set Properties -> Stop.
 */
export function referenceProcess(): ProcessDocument {
  const shapes: [string, Shape][] = [
    [
      'split',
      {
        kind: 'data-process',
        label: '',
        config: { steps: [{ type: 'split', path: '$', batchCount: 1 }] },
      },
    ],
    [
      'map',
      {
        kind: 'map',
        label: '',
        config: {
          expression: '',
          mappings: [
            { from: 'n', to: 'number' },
            { from: 'name', to: 'label' },
          ],
        },
      },
    ],
    [
      'decide',
      {
        kind: 'decision',
        label: '',
        config: {
          left: { type: 'profile-element', path: 'number' },
          operator: 'ge',
          right: { type: 'static', value: '0' },
        },
      },
    ],
    [
      'props',
      {
        kind: 'set-properties',
        label: '',
        config: {
          properties: [
            {
              target: 'dynamic-document',
              name: 'label',
              parts: [{ type: 'profile-element', path: 'label' }],
            },
          ],
        },
      },
    ],
    ['stop', { kind: 'stop', label: '', config: { endAndReturn: false } }],
  ];
  let doc = createProcess({ id: 'reference', name: 'Reference' });
  let previous = 'start';
  for (const [id, shape] of shapes) {
    doc = addShape(doc, { id, kind: shape.kind, position: { x: 0, y: 0 }, shape });
    doc = connectShapes(doc, {
      id: `to-${id}`,
      from: { shape: previous, port: previous === 'decide' ? 'true' : 'default' },
      to: { shape: id },
    });
    previous = id;
  }
  return doc;
}

export function referenceInput(records: number) {
  const array = Array.from({ length: records }, (_, i) => ({ n: i, name: `record ${i}` }));
  return [{ id: 'input', data: JSON.stringify(array), properties: {} }];
}

/** The same transforms written by hand: the floor the engine is compared with. */
export function handWritten(data: string): number {
  const out: { data: string; properties: Record<string, string> }[] = [];
  for (const record of JSON.parse(data) as { n: number; name: string }[]) {
    const split = JSON.stringify(record);
    const parsed = JSON.parse(split) as { n: number; name: string };
    const mapped = JSON.stringify({ number: parsed.n, label: parsed.name });
    const decided = JSON.parse(mapped) as { number: number; label: string };
    if (Number(decided.number) >= 0) {
      out.push({ data: mapped, properties: { label: decided.label } });
    }
  }
  return out.length;
}
