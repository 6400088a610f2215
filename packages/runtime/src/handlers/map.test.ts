import { describe, expect, it } from 'vitest';
import {
  buildProcess,
  docs,
  PASSTHROUGH_START,
  runTest,
  SPLIT_RECORDS,
  sink,
} from '../test-support.ts';
import type { Shape } from '../types.ts';

type Row = Extract<Shape, { kind: 'map' }>['config']['mappings'][number];

function map(expression: string, mappings: Row[] = []): Shape {
  return { kind: 'map', label: '', config: { expression, mappings } };
}

async function runMap(shape: Shape, ...data: string[]) {
  const process = buildProcess({ start: PASSTHROUGH_START, shape, end: sink() }, [
    ['start', 'default', 'shape'],
    ['shape', 'default', 'end'],
  ]);
  return runTest(process, { startDocuments: docs(...data) });
}

describe('map', () => {
  it('copies fields by rows into a new document', async () => {
    const run = await runMap(
      map('', [
        { from: 'asset.id', to: 'id' },
        { from: 'asset.items[0].qty', to: 'lines[0].quantity' },
        { from: 'missing', to: 'x' },
      ]),
      '{"asset":{"id":"AS-1","items":[{"qty":3}]}}',
    );
    expect(run.dataAt('end')).toEqual(['{"id":"AS-1","lines":[{"quantity":3}]}']);
  });

  it('evaluates JSONata with document properties bound, then applies rows on top', async () => {
    const run = await runMap(
      map('{"total": $sum(items.price), "who": $property("owner")}', [{ from: 'ref', to: 'ref' }]),
      '{"items":[{"price":2},{"price":3}],"ref":"R"}',
    );
    expect(JSON.parse(run.dataAt('end')[0] ?? '')).toEqual({ total: 5, ref: 'R' });
  });

  it('fails only the document that is not JSON or produces nothing', async () => {
    const run = await runMap(map('nothing.here'), 'not json', '{"a":1}', '{"nothing":{"here":1}}');
    expect(run.dataAt('end')).toEqual(['1']);
    expect(run.outcome.failedDocuments?.map((e) => e.document.id)).toEqual(['in1', 'in2']);
    expect(run.outcome.status).toBe('error');
  });
});

describe('map functions in a run', () => {
  it('maps each document through its steps and fails only the one a step refuses', async () => {
    const run = await runMap(
      map('', [
        { from: 'id', to: 'id' },
        { from: 'name', to: 'name', steps: [{ fn: 'trim' }, { fn: 'upper' }] },
        {
          from: 'qty',
          to: 'total',
          steps: [
            { fn: 'multiply', operand: { type: 'field', path: 'price' } },
            { fn: 'round', places: 2 },
          ],
        },
      ]),
      '{"id":1,"name":" ada ","qty":3,"price":1.1}',
      '{"id":2,"name":"bob","qty":"many","price":2}',
    );
    expect(run.dataAt('end')).toEqual(['{"id":1,"name":"ADA","total":3.3}']);
    expect(run.outcome.failedDocuments?.map((e) => e.message)).toEqual([
      'Map: Mapping row 3 (“qty” → “total”), step 1 (multiply): “many” is not a number.',
    ]);
  });
});

describe('map guardrails', () => {
  it('stops an endless expression and fails only that document', async () => {
    const run = await runMap(
      map('($loop := function($n){ $n > 0 ? $loop($n) : 0 }; $loop(1))'),
      '{}',
    );
    expect(run.outcome.failedDocuments?.[0]?.message).toMatch(/^Map: /);
  }, 20_000);

  it('fails the documents, not the process, on a syntax error', async () => {
    const run = await runMap(map('$sum('), '{}', '{}');
    expect(run.outcome.failedDocuments).toHaveLength(2);
  });
});

describe('map over documents that keep their parsed value (after a split)', () => {
  const split = SPLIT_RECORDS;
  const peek: Shape = {
    kind: 'message',
    label: '',
    config: {
      text: '{1}',
      parameters: [{ type: 'profile-element', path: 'a' }],
      jsonSafe: false,
      combineDocuments: false,
    },
  };

  //   start ─▶ split ─▶ branch ─1─▶ m1 ─▶ m2 ─▶ s1
  //                           └─2─▶ peek ─▶ s2
  function process(m1: Shape, m2: Shape = map('', [{ from: '$', to: '$' }])) {
    return buildProcess(
      {
        start: PASSTHROUGH_START,
        split,
        branch: { kind: 'branch', label: '', config: { count: 2 } },
        m1,
        m2,
        s1: sink(),
        peek,
        s2: sink(),
      },
      [
        ['start', 'default', 'split'],
        ['split', 'default', 'branch'],
        ['branch', '1', 'm1'],
        ['m1', 'default', 'm2'],
        ['m2', 'default', 's1'],
        ['branch', '2', 'peek'],
        ['peek', 'default', 's2'],
      ],
    );
  }

  it('gives the same text as before for plain rows, and the next map reads it', async () => {
    const run = await runTest(
      process(
        map('', [
          { from: 'a', to: 'x' },
          { from: 'b.c', to: 'y.z' },
        ]),
        map('', [{ from: 'y', to: 'copy' }]),
      ),
      { startDocuments: docs('[{"a":1,"b":{"c":"C"}},{"a":{"k":[1,null]},"b":{}}]') },
    );
    expect(run.dataAt('m2')).toEqual(['{"x":1,"y":{"z":"C"}}', '{"x":{"k":[1,null]}}']);
    expect(run.dataAt('s1')).toEqual(['{"copy":{"z":"C"}}', '{}']);
  });

  it('never changes the split record another path reads, when a row writes inside a copied field', async () => {
    const run = await runTest(
      process(
        map('', [
          { from: 'a', to: 'x' },
          { from: 'b', to: 'x.extra' },
        ]),
      ),
      { startDocuments: docs('[{"a":{"k":1},"b":2}]') },
    );
    expect(run.dataAt('m2')).toEqual(['{"x":{"k":1,"extra":2}}']);
    expect(run.dataAt('s2')).toEqual(['{"k":1}']);
  });

  it('reads numbers the text cannot carry (1e400, -0) as their text says', async () => {
    const run = await runTest(
      process(map('', [{ from: 'a', to: 'x' }]), map('', [{ from: 'x', to: 'y' }])),
      { startDocuments: docs('[{"a":1e400},{"a":-0},{"a":2}]') },
    );
    expect(run.dataAt('m1')).toEqual(['{"a":null}', '{"a":0}', '{"a":2}']);
    expect(run.dataAt('s2')).toEqual(['', '0', '2']);
    expect(run.dataAt('s1')).toEqual(['{"y":null}', '{"y":0}', '{"y":2}']);
  });

  it('reads a field copied from a built-in one (constructor) as its text says: missing', async () => {
    const read: Shape = {
      ...peek,
      config: { ...peek.config, parameters: [{ type: 'profile-element', path: 'c' }] },
    } as Shape;
    const run = await runTest(process(map('', [{ from: 'constructor', to: 'c' }]), read), {
      startDocuments: docs('[{"a":1}]'),
    });
    expect(run.dataAt('m2')).toEqual(['{}']);
    expect(run.dataAt('s1')).toEqual(['']);
  });

  it('reads arrays a row made as their JSON text says (null, not a hole)', async () => {
    const run = await runTest(
      process(
        map('', [{ from: 'a', to: 'items[1]' }]),
        map('', [{ from: 'items[0]', to: 'first' }]),
      ),
      { startDocuments: docs('[{"a":7}]') },
    );
    expect(run.dataAt('m2')).toEqual(['{"items":[null,7]}']);
    expect(run.dataAt('s1')).toEqual(['{"first":null}']);
  });
});

describe('map guardrails inside built-ins and regexes', () => {
  /** Runs one expression over `{}`-like input, timing it. */
  async function timed(expression: string, data = '{}') {
    const started = performance.now();
    const run = await runMap(map(expression), data);
    return {
      ms: performance.now() - started,
      out: run.dataAt('end'),
      error: run.outcome.failedDocuments?.[0]?.message,
    };
  }

  it('refuses $string([1..10000000]) at once as too large', { timeout: 10_000 }, async () => {
    const { ms, error } = await timed('$string([1..10000000])');
    expect(error).toBe('Map: Too large: a range or $append may make at most 1,000,000 items.');
    expect(ms).toBeLessThan(2_000);
  });

  it('runs regex literals on the linear-time engine: (a+)+b', { timeout: 10_000 }, async () => {
    const text = `${'a'.repeat(20_000)}c`;
    const { ms, out } = await timed(
      '{"r": $replace(s, /(a+)+b/, "X"), "c": $contains(s, /(a+)+b/), "short": $replace("aab-ab", /(a+)+b/, "<$1>")}',
      JSON.stringify({ s: text }),
    );
    expect(ms).toBeLessThan(1_000);
    expect(JSON.parse(out[0] ?? '')).toEqual({ r: text, c: false, short: '<aa>-<a>' });
  });

  it('keeps $match, $split and flags as JavaScript regexes had them', async () => {
    const { out } = await timed(
      '{"m": $match("a1 b22", /([a-z])(\\d+)/), "s": $split("a, b,c", /,\\s*/), "i": $contains("ABC", /b/i)}',
    );
    expect(JSON.parse(out[0] ?? '')).toEqual({
      m: [
        { match: 'a1', index: 0, groups: ['a', '1'] },
        { match: 'b22', index: 3, groups: ['b', '22'] },
      ],
      s: ['a', 'b', 'c'],
      i: true,
    });
  });

  it('refuses a lookahead literal when compiling, saying where', async () => {
    const { error } = await timed('$replace("ab", /a(?=b)/, "x")');
    expect(error).toBe(
      'Map: The regular expression /a(?=b)/ (ending at character 23 of the expression): A lookahead (?=…) at ' +
        'character 2 is not supported: patterns run on a linear-time engine (RE2), which has ' +
        'no backreferences or lookaround.',
    );
  });

  it('sorts and de-duplicates large arrays quickly, as jsonata did', {
    timeout: 10_000,
  }, async () => {
    const { ms, out } = await timed(
      '{"sorted": $sort($reverse([1..30000]))[[0, 29999]], "words": $sort(["b", "a", "c"]), ' +
        '"distinct": $count($distinct([1..100000])), ' +
        '"objects": $distinct([{"a":1,"b":[1]}, {"b":[1],"a":1}, {"a":2}]), ' +
        '"byFunction": $sort([1, 3, 2], function($l, $r){ $l < $r })}',
    );
    expect(ms).toBeLessThan(3_000);
    expect(JSON.parse(out[0] ?? '')).toEqual({
      sorted: [1, 30000],
      words: ['a', 'b', 'c'],
      distinct: 100000,
      objects: [{ a: 1, b: [1] }, { a: 2 }],
      byFunction: [3, 2, 1],
    });
  });

  it('still refuses to sort mixed values', async () => {
    const { error } = await timed('$sort([1, "a"])');
    expect(error).toMatch(/^Map: /);
  });
});
