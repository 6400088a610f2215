import {
  defaultShape,
  outputPorts,
  type ParameterValue,
  SHAPE_KINDS,
  type Shape,
  type ShapeKind,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { buildProcess, docs, LIST_REQUESTS, PASSTHROUGH_START, sink } from '../test-support.ts';
import { isLightRun, LIGHT_RUN_LIMITS, lightRunWork, MAX_LIGHT_RUN_WORK } from './light-process.ts';

/** Start → `shape` → Stop, wired through the shape's first port when it has one. */
function around(shape: Shape) {
  const port = outputPorts(shape)[0];
  return buildProcess({ start: PASSTHROUGH_START, middle: shape, end: sink() }, [
    ['start', 'default', 'middle'],
    ...(port ? [['middle', port.id, 'end'] as const] : []),
  ]);
}

/** Start → `count` Decisions in a row → Stop. */
function decisions(count: number) {
  const shapes: Record<string, Shape> = { start: PASSTHROUGH_START, end: sink() };
  const wires: [string, string, string][] = [];
  let previous = 'start';
  for (let i = 0; i < count; i++) {
    shapes[`d${i}`] = defaultShape('decision');
    wires.push([previous, previous === 'start' ? 'default' : 'true', `d${i}`]);
    previous = `d${i}`;
  }
  wires.push([previous, 'true', 'end']);
  return buildProcess(shapes, wires);
}

describe('a light run', () => {
  it('is a small routing process started with few, small documents', () => {
    expect(isLightRun(buildProcess({ end: sink() }, [['start', 'default', 'end']]))).toBe(true);
    for (const kind of ['decision', 'route', 'return-documents'] as const) {
      expect({ kind, light: isLightRun(around(defaultShape(kind)), docs('{"v":1}')) }).toEqual({
        kind,
        light: true,
      });
    }
  });

  it('is not one with any other shape: user code, templates, patterns, copies, retries or calls out', () => {
    const heavy = SHAPE_KINDS.filter(
      (kind) => !['start', 'stop', 'return-documents', 'decision', 'route'].includes(kind),
    );
    // Each runs no user code, yet each can spin or grow along a chain (review of this rule).
    expect(heavy).toEqual(
      expect.arrayContaining<ShapeKind>([
        'branch',
        'try-catch',
        'flow-control',
        'message',
        'set-properties',
        'notify',
        'exception',
        'cleanse',
      ]),
    );
    for (const kind of heavy) {
      expect({ kind, light: isLightRun(around(defaultShape(kind))) }).toEqual({
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
      isLightRun(buildProcess({ start: listing, end: sink() }, [['start', 'default', 'end']])),
    ).toBe(false);
  });

  it('is not one whose Decision or Route matches a pattern, which takes value × pattern time', () => {
    for (const operator of ['regex', 'wildcard'] as const) {
      const decision = defaultShape('decision');
      const route = defaultShape('route');
      expect(isLightRun(around({ ...decision, config: { ...decision.config, operator } }))).toBe(
        false,
      );
      expect(isLightRun(around({ ...route, config: { ...route.config, operator } }))).toBe(false);
    }
  });

  it('is not one past its bounds: shapes, Route keys, documents or their bytes', () => {
    const fits = decisions(LIGHT_RUN_LIMITS.shapes - 2);
    expect(isLightRun(fits)).toBe(true);
    expect(isLightRun(decisions(LIGHT_RUN_LIMITS.shapes - 1))).toBe(false);

    const route = defaultShape('route');
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
    const routeWith = (n: number) =>
      around({ ...route, config: { ...route.config, keys: keys(n) } });
    expect(isLightRun(routeWith(LIGHT_RUN_LIMITS.routeKeys))).toBe(true);
    expect(isLightRun(routeWith(LIGHT_RUN_LIMITS.routeKeys + 1))).toBe(false);

    const many = Array.from({ length: LIGHT_RUN_LIMITS.documents + 1 }, () => '{}');
    expect(isLightRun(fits, docs(...many.slice(1)))).toBe(true);
    expect(isLightRun(fits, docs(...many))).toBe(false);

    const big = 'x'.repeat(LIGHT_RUN_LIMITS.bytes);
    expect(isLightRun(fits, docs(big))).toBe(true);
    expect(isLightRun(fits, docs(`${big}x`))).toBe(false);
    // A webhook's headers travel as properties: they count too.
    const [withHeaders] = docs(big);
    expect(isLightRun(fits, [{ ...withHeaders!, properties: { header: 'x' } }])).toBe(false);
  });

  it('is not one comparing a stored property or the date, which no bound here measures', () => {
    const decision = defaultShape('decision');
    const comparing = (left: ParameterValue) =>
      around({ ...decision, config: { ...decision.config, left } });
    expect(isLightRun(comparing({ type: 'document-property', name: 'x' }))).toBe(true);
    expect(isLightRun(comparing({ type: 'execution-property', name: 'EXECUTION_ID' }))).toBe(true);
    expect(isLightRun(comparing({ type: 'process-property', name: 'limit' }))).toBe(false);
    expect(isLightRun(comparing({ type: 'current-date', format: 'yyyy' }))).toBe(false);
    const route = defaultShape('route');
    expect(
      isLightRun(
        around({
          ...route,
          config: { ...route.config, value: { type: 'process-property', name: 'p' } },
        }),
      ),
    ).toBe(false);
  });

  it('is not one whose static values and Route keys hold more text than its bound', () => {
    const decision = defaultShape('decision');
    const half = { type: 'static' as const, value: 'x'.repeat(LIGHT_RUN_LIMITS.text / 2) };
    const both = around({ ...decision, config: { ...decision.config, left: half, right: half } });
    expect(isLightRun(both)).toBe(true);
    const over = { ...half, value: `${half.value}x` };
    expect(
      isLightRun(around({ ...decision, config: { ...decision.config, left: half, right: over } })),
    ).toBe(false);
  });

  it('weighs its work by shapes × documents and their KiB, Start -> Stop at 6', () => {
    const stop = buildProcess({ end: sink() }, [['start', 'default', 'end']]);
    expect(lightRunWork(stop)).toBe(4 + 2);
    expect(lightRunWork(stop, docs('x'.repeat(1500)))).toBe(4 + 2 * (1 + 2 + 1));
    expect(lightRunWork(around(defaultShape('map')))).toBeUndefined();
    expect(MAX_LIGHT_RUN_WORK).toBe(4 + 32 * (16 + 16 + 1));
  });

  it('is not one whose documents nest deeply, or whose paths are long', () => {
    const stop = buildProcess({ end: sink() }, [['start', 'default', 'end']]);
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(isLightRun(stop, docs(nested(LIGHT_RUN_LIMITS.containers)))).toBe(true);
    expect(isLightRun(stop, docs(nested(LIGHT_RUN_LIMITS.containers + 1)))).toBe(false);
    const decision = defaultShape('decision');
    const reading = (path: string) =>
      around({
        ...decision,
        config: { ...decision.config, left: { type: 'profile-element', path } },
      });
    expect(isLightRun(reading('a.b'))).toBe(true);
    expect(isLightRun(reading('a'.repeat(LIGHT_RUN_LIMITS.text + 1)))).toBe(false);
  });

  it('is not one with a loop, which the engine would follow for ever on the host thread', () => {
    const chain = buildProcess(
      {
        start: PASSTHROUGH_START,
        a: defaultShape('return-documents'),
        b: defaultShape('decision'),
      },
      [['start', 'default', 'b']],
    );
    expect(isLightRun(chain)).toBe(true);
    // A draft can hold a loop; validation refuses to save one, the engine does not check.
    const loop = {
      ...chain,
      connections: [
        ...chain.connections,
        { id: 'back', from: { shape: 'b', port: 'true' }, to: { shape: 'b' } },
      ],
    };
    expect(isLightRun(loop)).toBe(false);
  });
});
