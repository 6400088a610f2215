import {
  defaultShape,
  outputPorts,
  SHAPE_KINDS,
  type Shape,
  type ShapeKind,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { buildProcess, LIST_REQUESTS, PASSTHROUGH_START, sink } from '../test-support.ts';
import { isLightProcess } from './light-process.ts';

const LIGHT: ShapeKind[] = [
  'stop',
  'return-documents',
  'route',
  'decision',
  'cleanse',
  'flow-control',
];

/** Start → `shape` → Stop, wired through the shape's first port when it has one. */
function around(shape: Shape) {
  const port = outputPorts(shape)[0];
  return buildProcess({ start: PASSTHROUGH_START, middle: shape, end: sink() }, [
    ['start', 'default', 'middle'],
    ...(port ? [['middle', port.id, 'end'] as const] : []),
  ]);
}

describe('a light process', () => {
  it('is one of Start (no data, passthrough or listener) and shapes that can neither spin nor grow', () => {
    expect(isLightProcess(buildProcess({ end: sink() }, [['start', 'default', 'end']]))).toBe(true);
    for (const kind of LIGHT.filter((k) => k !== 'stop' && k !== 'return-documents')) {
      expect({ kind, light: isLightProcess(around(defaultShape(kind))) }).toEqual({
        kind,
        light: true,
      });
    }
  });

  it('is not one with user code, a connector, another process, a stored snapshot or a multiplying shape', () => {
    const heavy = SHAPE_KINDS.filter((kind) => kind !== 'start' && !LIGHT.includes(kind));
    // Branch, Try/Catch and the shapes with templates run no user code, yet a chain of them
    // multiplies documents, retries or a value's length: they stay in the threads.
    expect(heavy).toEqual(
      expect.arrayContaining([
        'branch',
        'try-catch',
        'message',
        'set-properties',
        'notify',
        'exception',
        'map',
      ]),
    );
    for (const kind of heavy) {
      expect({ kind, light: isLightProcess(around(defaultShape(kind))) }).toEqual({
        kind,
        light: false,
      });
    }
    const listing: Shape = {
      kind: 'start',
      label: '',
      config: { mode: 'connector', operation: LIST_REQUESTS.config },
    };
    expect(
      isLightProcess(buildProcess({ start: listing, end: sink() }, [['start', 'default', 'end']])),
    ).toBe(false);
  });

  it('is not one whose Decision or Route matches a pattern, which takes value × pattern time', () => {
    for (const operator of ['regex', 'wildcard'] as const) {
      const decision = defaultShape('decision');
      const route = defaultShape('route');
      expect(
        isLightProcess(around({ ...decision, config: { ...decision.config, operator } })),
      ).toBe(false);
      expect(isLightProcess(around({ ...route, config: { ...route.config, operator } }))).toBe(
        false,
      );
    }
  });

  it('is not one with a loop, which the engine would follow for ever on the host thread', () => {
    const chain = buildProcess(
      {
        start: PASSTHROUGH_START,
        a: defaultShape('flow-control'),
        b: defaultShape('flow-control'),
      },
      [
        ['start', 'default', 'a'],
        ['a', 'default', 'b'],
      ],
    );
    expect(isLightProcess(chain)).toBe(true);
    // A draft can hold a loop; validation refuses to save one, the engine does not check.
    const loop = {
      ...chain,
      connections: [
        ...chain.connections,
        { id: 'back', from: { shape: 'b', port: 'default' }, to: { shape: 'a' } },
      ],
    };
    expect(isLightProcess(loop)).toBe(false);
  });
});
