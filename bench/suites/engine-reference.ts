import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
} from '@junction/process-model';

type MapConfig = Extract<Shape, { kind: 'map' }>['config'];

/** What differs between the reference flows: the Map, the Decision's test, the property set. */
export interface ReferenceFlow {
  id: string;
  name: string;
  map: MapConfig;
  decide: { path: string; operator: 'ge' | 'gt'; value: string };
  property: { name: string; path: string };
  /** Shapes between Start and the split that make the records (default: none, Start hands them in). */
  source?: [string, Shape][];
}

/**
 * The shape of every reference flow in the figures:
 * No Data -> [source] -> Data Process (split) -> Map -> Decision -(true)-> Set Properties -> Stop.
 */
export function referenceFlow(flow: ReferenceFlow): ProcessDocument {
  const shapes: [string, Shape][] = [
    ...(flow.source ?? []),
    [
      'split',
      {
        kind: 'data-process',
        label: '',
        config: { steps: [{ type: 'split', path: '$', batchCount: 1 }] },
      },
    ],
    ['map', { kind: 'map', label: '', config: flow.map }],
    [
      'decide',
      {
        kind: 'decision',
        label: '',
        config: {
          left: { type: 'profile-element', path: flow.decide.path },
          operator: flow.decide.operator,
          right: { type: 'static', value: flow.decide.value },
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
              name: flow.property.name,
              parts: [{ type: 'profile-element', path: flow.property.path }],
            },
          ],
        },
      },
    ],
    ['stop', { kind: 'stop', label: '', config: { endAndReturn: false } }],
  ];
  let doc = createProcess({ id: flow.id, name: flow.name });
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

/** The runtime's reference process: a Map of two plain field mappings. */
export function referenceProcess(): ProcessDocument {
  return referenceFlow({
    id: 'reference',
    name: 'Reference',
    map: {
      expression: '',
      mappings: [
        { from: 'n', to: 'number' },
        { from: 'name', to: 'label' },
      ],
    },
    decide: { path: 'number', operator: 'ge', value: '0' },
    property: { name: 'label', path: 'label' },
  });
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
