import type { MapFunctionStep } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { compileRows } from './map-plan.ts';

type Row = { from: string; to: string; steps?: MapFunctionStep[] };

/** Compiles `rows` and maps one source the way the Map does: onto a fresh object. */
const mapOne = (rows: Row[], source: unknown) => compileRows(rows)(source, {});
const one = (steps: MapFunctionStep[], source: unknown, from = 'v') =>
  (mapOne([{ from, to: 'out', steps }], source) as { out?: unknown }).out;
const constant = (value: string) => ({ type: 'constant', value }) as const;
const field = (path: string) => ({ type: 'field', path }) as const;

describe('map functions', () => {
  it('maps the reference record: id, upper-cased name, total = qty × price', () => {
    const rows: Row[] = [
      { from: 'id', to: 'id' },
      { from: 'name', to: 'name', steps: [{ fn: 'upper' }] },
      { from: 'qty', to: 'total', steps: [{ fn: 'multiply', operand: field('price') }] },
    ];
    expect(mapOne(rows, { id: 7, name: 'record 7', qty: 3, price: 40 })).toEqual({
      id: 7,
      name: 'RECORD 7',
      total: 120,
    });
  });

  it('runs text functions in order', () => {
    expect(one([{ fn: 'trim' }, { fn: 'lower' }], { v: '  MiXed  ' })).toBe('mixed');
    expect(one([{ fn: 'substring', start: 1, length: 3 }], { v: 'abcdef' })).toBe('bcd');
    expect(one([{ fn: 'substring', start: 4 }], { v: 'abcdef' })).toBe('ef');
    expect(one([{ fn: 'pad', side: 'start', length: 6, fill: '0' }], { v: 42 })).toBe('000042');
    expect(one([{ fn: 'pad', side: 'end', length: 4, fill: '.' }], { v: 'ab' })).toBe('ab..');
    expect(
      one([{ fn: 'concat', parts: [field('last'), constant('!')], separator: ' ' }], {
        v: 'Ada',
        last: 'Lovelace',
      }),
    ).toBe('Ada Lovelace !');
  });

  it('replaces literal text only: no pattern, no $& in the replacement', () => {
    expect(one([{ fn: 'replace', search: '.*', replacement: '$&$1' }], { v: 'a.*b.*' })).toBe(
      'a$&$1b$&$1',
    );
    expect(
      one([{ fn: 'replace', search: '(a+)+b', replacement: 'x' }], { v: 'a'.repeat(40) }),
    ).toBe('a'.repeat(40));
  });

  it('computes with numbers from fields or constants, rounding half away from zero', () => {
    expect(one([{ fn: 'add', operand: constant('0.5') }], { v: '2' })).toBe(2.5);
    expect(one([{ fn: 'subtract', operand: field('w') }], { v: 10, w: 4 })).toBe(6);
    expect(one([{ fn: 'divide', operand: constant('4') }], { v: 10 })).toBe(2.5);
    expect(one([{ fn: 'round', places: 2 }], { v: 1.005 })).toBe(1.01);
    expect(one([{ fn: 'round', places: 0 }], { v: -2.5 })).toBe(-3);
    expect(one([{ fn: 'round', places: 3 }], { v: 1e-7 })).toBe(0);
    expect(one([{ fn: 'multiply', operand: constant('-1') }], { v: 0 })).toBe(0);
    expect(one([{ fn: 'format-number', decimals: 2 }], { v: 12.5 })).toBe('12.50');
    expect(
      one(
        [
          { fn: 'multiply', operand: constant('3') },
          { fn: 'format-number', decimals: 2 },
        ],
        {
          v: 1.1,
        },
      ),
    ).toBe('3.30');
  });

  it('parses and formats dates in UTC with the Cleanse masks', () => {
    const steps: MapFunctionStep[] = [
      { fn: 'parse-date', format: 'dd/MM/yyyy HH:mm' },
      { fn: 'format-date', format: "yyyy-MM-dd'T'HH:mm" },
    ];
    expect(one(steps, { v: '05/12/2026 23:30' })).toBe('2026-12-05T23:30');
    expect(one([{ fn: 'parse-date', format: 'yyyyMMdd' }], { v: '20261205' })).toBe(
      '2026-12-05T00:00:00.000Z',
    );
    expect(one([{ fn: 'format-date', format: 'dd.MM.yy' }], { v: '2026-12-05' })).toBe('05.12.26');
  });

  it('looks values up in a table with a default, any key included', () => {
    const table = [
      { key: 'EU', value: 'Europe' },
      { key: '__proto__', value: 'proto' },
    ];
    const lookup: MapFunctionStep = { fn: 'lookup', table, default: 'elsewhere' };
    expect(one([lookup], { v: 'EU' })).toBe('Europe');
    expect(one([lookup], { v: '__proto__' })).toBe('proto');
    expect(one([lookup], { v: 'constructor' })).toBe('elsewhere');
    expect(one([lookup], {})).toBe('elsewhere');
    expect(one([{ fn: 'lookup', table }], { v: 'toString' })).toBeUndefined();
  });

  it('fills a default for missing, null or empty values only', () => {
    const steps: MapFunctionStep[] = [{ fn: 'default', value: 'n/a' }];
    expect([{}, { v: null }, { v: '' }, { v: 0 }, { v: 'x' }].map((s) => one(steps, s))).toEqual([
      'n/a',
      'n/a',
      'n/a',
      0,
      'x',
    ]);
  });

  it('writes no target field when the source is missing and nothing supplies one', () => {
    expect(mapOne([{ from: 'v', to: 'out', steps: [{ fn: 'upper' }] }], {})).toEqual({});
    expect(
      mapOne([{ from: 'v', to: 'out', steps: [{ fn: 'multiply', operand: field('w') }] }], {
        v: 2,
      }),
    ).toEqual({});
  });

  it('says which row and step failed, and why', () => {
    const rows: Row[] = [
      { from: 'id', to: 'id' },
      {
        from: 'qty',
        to: 'total',
        steps: [{ fn: 'trim' }, { fn: 'multiply', operand: field('price') }],
      },
    ];
    expect(() => mapOne(rows, { qty: 'ten', price: 2 })).toThrow(
      'Mapping row 2 (“qty” → “total”), step 2 (multiply): “ten” is not a number.',
    );
    expect(() => one([{ fn: 'upper' }], { v: { a: 1 } })).toThrow(
      'Mapping row 1 (“v” → “out”), step 1 (upper): an object is not text.',
    );
    expect(() => one([{ fn: 'divide', operand: field('w') }], { v: 1, w: 0 })).toThrow(
      /step 1 \(divide\): the result is not a finite number/,
    );
    expect(() => one([{ fn: 'parse-date', format: 'dd/MM/yyyy' }], { v: '31/02/2026' })).toThrow(
      /step 1 \(parse-date\): “31\/02\/2026” is not a date written dd\/MM\/yyyy\./,
    );
    expect(() => mapOne([{ from: 'a..b', to: 'x' }], {})).toThrow(/invalid field path/);
  });
});

describe('map functions against hostile names and values', () => {
  it('a __proto__ target becomes an own field and pollutes no prototype', () => {
    const out = mapOne(
      [
        { from: 'v', to: '__proto__', steps: [{ fn: 'upper' }] },
        { from: 'o', to: 'a.__proto__.polluted' },
        { from: 'o', to: 'constructor.prototype.polluted' },
      ],
      { v: 'x', o: 'yes' },
    ) as Record<string, unknown>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(out)).toBe(
      '{"__proto__":"X","a":{"__proto__":{"polluted":"yes"}},"constructor":{"prototype":{"polluted":"yes"}}}',
    );
  });

  it('reads only own fields: __proto__, constructor and toString are missing', () => {
    const source = JSON.parse('{"n": 1}');
    const steps: MapFunctionStep[] = [{ fn: 'default', value: 'none' }];
    for (const from of ['__proto__', 'constructor', 'toString', 'n.constructor']) {
      expect(one(steps, source, from)).toBe('none');
    }
    expect(
      one(
        [{ fn: 'concat', parts: [field('__proto__'), field('constructor')], separator: '-' }],
        source,
        'n',
      ),
    ).toBe('1--');
  });

  it('keeps quotes, comment ends and backticks in names and constants as plain data', () => {
    // No dot or bracket: those separate path steps.
    const nasty = ['"', "'", '`', '*/', '$', '{process-exit(1)}', '\\', ' __proto__'].join('');
    const out = mapOne(
      [
        {
          from: nasty,
          to: nasty,
          steps: [{ fn: 'concat', parts: [constant(nasty)], separator: nasty }],
        },
      ],
      { [nasty]: nasty },
    ) as Record<string, unknown>;
    expect(out[nasty]).toBe(nasty.repeat(3));
  });

  it('bounds the work a step can ask for (pad at most 1,000 characters by schema)', () => {
    expect(one([{ fn: 'pad', side: 'start', length: 1_000, fill: 'ab' }], { v: '' })).toHaveLength(
      1_000,
    );
  });
});
