import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { SHAPE_KINDS, SHAPE_SCHEMAS, type Shape, type ShapeKind } from '../schema/shapes.ts';
import { PALETTE } from './palette.ts';
import { defaultShape, outputPorts, SHAPE_CATALOG, shapeSummary } from './shape-catalog.ts';

function ports(shape: Shape): string[] {
  return outputPorts(shape).map((p) => p.id);
}

describe('the shape catalog', () => {
  it.each(SHAPE_KINDS)('%s: the default shape matches its schema and has a summary', (kind) => {
    const shape = defaultShape(kind);
    expect(Value.Errors(SHAPE_SCHEMAS[kind], shape)).toEqual([]);
    expect(shape.kind).toBe(kind);
    expect(shapeSummary(shape)).not.toBe('');
    expect(SHAPE_CATALOG[kind].description).not.toBe('');
  });

  it('lists every kind but Start in the palette, once, grouped Connect, Execute, Logic', () => {
    expect(PALETTE.map((s) => s.group)).toEqual(['connector', 'execute', 'logic']);
    const listed = PALETTE.flatMap((s) => s.kinds);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(SHAPE_KINDS.filter((k) => k !== 'start').sort());
    expect(PALETTE[1]?.kinds.slice(0, 3)).toEqual(['map', 'set-properties', 'message']);
    expect(PALETTE[2]?.kinds[0]).toBe('branch');
  });
});

describe('outputPorts runs paths in the documented order (process-semantics.md §2)', () => {
  const single: ShapeKind[] = [
    'start',
    'connector',
    'map',
    'set-properties',
    'message',
    'notify',
    'program-command',
    'data-process',
    'add-to-cache',
    'retrieve-from-cache',
    'remove-from-cache',
    'flow-control',
  ];
  it.each(single)('%s has one unnamed output', (kind) => {
    expect(outputPorts(defaultShape(kind))).toEqual([{ id: 'default', label: '' }]);
  });

  it.each(['stop', 'exception', 'return-documents'] as const)('%s is terminal', (kind) => {
    expect(outputPorts(defaultShape(kind))).toEqual([]);
  });

  it('Branch: 1..N labelled "Branch n"; an out-of-range count is clamped to 2..25', () => {
    const branch = (count: number): Shape => ({ kind: 'branch', label: '', config: { count } });
    expect(outputPorts(branch(3))).toEqual([
      { id: '1', label: 'Branch 1' },
      { id: '2', label: 'Branch 2' },
      { id: '3', label: 'Branch 3' },
    ]);
    expect(ports(branch(0))).toEqual(['1', '2']);
    expect(ports(branch(99))).toHaveLength(25);
  });

  it('Route: keys in configured order, then Default; blank, repeated and "default" keys skipped', () => {
    const shape: Shape = {
      kind: 'route',
      label: '',
      config: {
        value: { type: 'document-property', name: 'status' },
        operator: 'equals',
        keys: ['pending', 'approved', '', 'pending', 'default', 'failed'],
      },
    };
    expect(ports(shape)).toEqual(['pending', 'approved', 'failed', 'default']);
    expect(outputPorts(shape).at(-1)).toEqual({ id: 'default', label: 'Default' });
  });

  it.each([
    ['decision', ['true', 'false']],
    ['try-catch', ['try', 'catch']],
    ['business-rules', ['accepted', 'rejected']],
    ['cleanse', ['rejected', 'clean']],
    ['find-changes', ['add', 'update', 'delete']],
  ] as const)('%s runs %j in that order', (kind, expected) => {
    expect(ports(defaultShape(kind))).toEqual(expected);
  });

  it("Process Call: one path per child Return Documents label, in the child's order", () => {
    const call = defaultShape('process-call');
    expect(ports(call)).toEqual(['default']);
    expect(
      ports({
        ...call,
        config: { ...call.config, returnPaths: ['Approved', 'Failed', 'Approved'] },
      }),
    ).toEqual(['Approved', 'Failed']);
  });
});
