import { describe, expect, it } from 'vitest';
import { everyShapeProcess } from '../../fixtures/every-shape.ts';
import type { ProcessDocument } from '../../schema/process.ts';
import type { MapFunctionStep } from '../../schema/shapes/map-functions.ts';
import { parseProcess, serializeProcess } from '../../serialize.ts';
import { validateProcess } from '../validate.ts';

/** The every-shape process with its Map's one row given `steps`. */
function withSteps(steps: unknown[]): ProcessDocument {
  const doc = everyShapeProcess();
  const map = doc.shapes['map'];
  if (map?.kind !== 'map') {
    throw new Error('fixture has no map');
  }
  const row = { from: 'asset.id', to: 'assetId', steps: steps as MapFunctionStep[] };
  return {
    ...doc,
    shapes: { ...doc.shapes, map: { ...map, config: { ...map.config, mappings: [row] } } },
  };
}

const issues = (steps: unknown[]) =>
  validateProcess(withSteps(steps))
    .filter((i) => i.shapeId === 'map')
    .map((i) => [i.code, i.pointer, i.message]);

describe('map function steps', () => {
  it('accepts a chain of every function, and rows without steps as before', () => {
    const every: MapFunctionStep[] = [
      { fn: 'trim' },
      { fn: 'upper' },
      { fn: 'lower' },
      {
        fn: 'concat',
        parts: [
          { type: 'field', path: 'name' },
          { type: 'constant', value: '!' },
        ],
        separator: ' ',
      },
      { fn: 'substring', start: 1, length: 3 },
      { fn: 'substring', start: 2 },
      { fn: 'replace', search: '*/', replacement: '`' },
      { fn: 'pad', side: 'start', length: 8, fill: '0' },
      { fn: 'lookup', table: [{ key: '__proto__', value: 'x' }], default: 'none' },
      { fn: 'default', value: 'n/a' },
      { fn: 'add', operand: { type: 'constant', value: '1.5' } },
      { fn: 'multiply', operand: { type: 'field', path: 'price' } },
      { fn: 'round', places: 2 },
      { fn: 'format-number', decimals: 2 },
      { fn: 'parse-date', format: 'dd/MM/yyyy' },
      { fn: 'format-date', format: "yyyy-MM-dd'T'HH:mm" },
    ];
    expect(issues(every)).toEqual([]);
    expect(validateProcess(everyShapeProcess())).toEqual([]);
  });

  it('says which row, step and field is wrong', () => {
    expect(
      issues([
        { fn: 'multiply', operand: { type: 'constant', value: 'ten' } },
        { fn: 'divide', operand: { type: 'constant', value: '0' } },
        { fn: 'add', operand: { type: 'field', path: 'a..b' } },
        { fn: 'replace', search: '', replacement: 'x' },
        { fn: 'format-date', format: "yyyy 'open" },
        {
          fn: 'lookup',
          table: [
            { key: 'a', value: '1' },
            { key: 'a', value: '2' },
          ],
        },
      ]),
    ).toEqual([
      [
        'map.step-number',
        '/shapes/map/config/mappings/0/steps/0/operand/value',
        'Step 1 (multiply): “ten” is not a number.',
      ],
      [
        'map.step-divide-zero',
        '/shapes/map/config/mappings/0/steps/1/operand/value',
        'Step 2 (divide): Dividing by zero.',
      ],
      [
        'map.step-field-invalid',
        '/shapes/map/config/mappings/0/steps/2/operand/path',
        '“a..b” is not a field path like order.lines[0].sku.',
      ],
      [
        'map.step-replace-empty',
        '/shapes/map/config/mappings/0/steps/3/search',
        'Step 4 (replace): Enter the text to replace.',
      ],
      [
        'map.step-date-pattern',
        '/shapes/map/config/mappings/0/steps/4/format',
        "Step 5 (format-date): “yyyy 'open” is not a date mask: a quoted part never ends.",
      ],
      [
        'map.step-lookup-duplicate',
        '/shapes/map/config/mappings/0/steps/5/table/1/key',
        'Step 6 (lookup): “a” is in the table twice.',
      ],
    ]);
  });

  it('refuses unknown functions, extra fields and oversized values by pointer', () => {
    const codes = (steps: unknown[]) =>
      issues(steps).map(([code, pointer]) => `${code} ${pointer}`);
    expect(codes([{ fn: 'eval', code: '1' }])[0]).toMatch(/\/mappings\/0\/steps\/0/);
    expect(codes([{ fn: 'upper', extra: true }])[0]).toMatch(/\/mappings\/0\/steps\/0/);
    expect(codes([{ fn: 'pad', side: 'start', length: 1_000_000, fill: ' ' }])[0]).toMatch(
      /\/mappings\/0\/steps\/0/,
    );
    expect(codes(Array.from({ length: 21 }, () => ({ fn: 'trim' })))[0]).toMatch(
      /\/mappings\/0\/steps/,
    );
  });

  it('round-trips through the file format unchanged', () => {
    const doc = withSteps([
      { fn: 'lookup', table: [{ key: 'EU', value: 'Europe' }], default: '?' },
      { fn: 'concat', parts: [{ type: 'constant', value: '`*/"' }], separator: '' },
    ]);
    const text = serializeProcess(doc);
    const parsed = parseProcess(text);
    if (!parsed.ok) {
      throw new Error(JSON.stringify(parsed.issues));
    }
    expect(serializeProcess(parsed.document)).toBe(text);
  });
});
