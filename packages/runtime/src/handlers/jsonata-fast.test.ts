import { describe, expect, it } from 'vitest';
import type { RunContext, RunDocument } from '../types.ts';
import { compileJsonata, evaluateJsonata } from './jsonata-eval.ts';
import { compileFastJsonata, FALLBACK } from './jsonata-fast.ts';

const doc = { id: 'd', data: '', properties: { owner: 'ada' } } as RunDocument;
const ctx = { processProperties: new Map([['region', 'EU']]) } as unknown as RunContext;

function both(expression: string) {
  const compiled = compileJsonata(expression);
  if (compiled instanceof Error) {
    throw compiled;
  }
  const fast = compileFastJsonata(compiled.ast());
  return { compiled, fast };
}

/** jsonata's answer, or the error's message. */
async function slow(expression: string, input: unknown): Promise<unknown> {
  try {
    return await evaluateJsonata(both(expression).compiled, input, doc, ctx);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const EXPRESSIONS = [
  '{"id": id, "name": $uppercase(name), "total": qty * price}',
  '{"who": $lowercase(name) & "!", "p": $property("owner"), "r": $processProperty("region")}',
  'qty * price > 100 ? "big" : "small"',
  '{"a": a.b.c, "neg": -qty, "m": qty % 4, "d": qty / price, "s": $string(name)}',
  'qty > 1 and price < 50 or name = "x"',
  '{"same": name != "bob", "root": $$.id, "self": $.qty - 1, "lit": true, "n": null}',
  'a',
  '{"t": $trim(name), "l": $length(name)}',
];

const INPUTS: unknown[] = [
  { id: 1, name: 'record 1', qty: 3, price: 40, a: { b: { c: 'deep' } } },
  { id: 2, name: 'bob', qty: 0, price: 0 },
  { id: 3, name: 7, qty: '3', price: null },
  { id: 4, qty: [1, 2], price: 2, a: [{ b: 1 }, { b: 2 }] },
  { name: 'x', qty: 1e308, price: 10 },
  { name: ' \t two  words\n ', note: '😀é' },
  { name: '😀😀 ', qty: 1 },
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 5, "name": "toString", "qty": 2}'),
  {},
  [1, 2, 3],
  'text',
];

describe('JSONata fast path', () => {
  it('gives exactly what jsonata gives, or hands the document to jsonata', async () => {
    let fastAnswers = 0;
    for (const expression of EXPRESSIONS) {
      for (const input of INPUTS) {
        const { fast } = both(expression);
        expect(fast, expression).toBeDefined();
        const quick = fast?.(input, doc, ctx);
        if (quick !== FALLBACK) {
          fastAnswers++;
          expect(quick, `${expression} over ${JSON.stringify(input)}`).toEqual(
            await slow(expression, input),
          );
        }
      }
    }
    // Most pairs are answered fast; the rest (arrays, type errors, overflow) went to jsonata.
    expect(fastAnswers).toBeGreaterThan(25);
  });

  it('hands over arrays, text where numbers go, overflow and inherited fields', () => {
    const { fast } = both('{"t": qty * price}');
    expect(fast?.({ qty: [1], price: 2 }, doc, ctx)).toBe(FALLBACK);
    expect(fast?.({ qty: 'x', price: 2 }, doc, ctx)).toBe(FALLBACK);
    expect(fast?.({ qty: 1e308, price: 10 }, doc, ctx)).toBe(FALLBACK);
    expect(both('{"c": constructor}').fast?.({}, doc, ctx)).toEqual({});
  });

  it('leaves everything else to jsonata: functions it does not know, predicates, ranges, bindings', () => {
    for (const expression of [
      '$sum(items.price)',
      'items[price > 1]',
      '[1..5]',
      '($x := 1; $x)',
      '{"__proto__": 1}',
      '{"a": 1, "a": 2}',
      '{name: 1}',
      'items.price',
      '$substring(name, 1)',
      '$uppercase()',
      '$property(name)',
    ]) {
      const compiled = compileJsonata(expression);
      if (compiled instanceof Error) {
        continue;
      }
      // items.price is allowed syntactically, but its arrays fall back per document.
      const fast = compileFastJsonata(compiled.ast());
      if (fast !== undefined) {
        expect(fast({ items: [{ price: 2 }] }, doc, ctx), expression).toBe(FALLBACK);
      }
    }
  });
});
