import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { asError, compileJsonata } from './jsonata-eval.ts';

/** Evaluates with Junction's compile, turning a thrown error into its message. */
async function guarded(expression: string, input: unknown = {}): Promise<unknown> {
  const compiled = compileJsonata(expression);
  if (compiled instanceof Error) {
    return { error: compiled.message };
  }
  try {
    return asJson(await compiled.evaluate(input));
  } catch (error) {
    return { error: asError(error).message };
  }
}

/** Results compared as JSON: jsonata marks sequences with an extra `sequence` key. */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** The same with jsonata as it ships, the behaviour to keep. */
async function plain(expression: string, input: unknown = {}): Promise<unknown> {
  try {
    return asJson(await jsonata(expression).evaluate(input));
  } catch (error) {
    return { error: (error as { message?: string }).message };
  }
}

const INPUT = {
  items: [
    { n: 3, s: 'c' },
    { n: 1, s: 'a' },
    { n: 2, s: 'b' },
  ],
  x: 1.1,
};

describe('jsonata with Junction limits', () => {
  it.each([
    '[1..3]',
    '[3..1]',
    '[0..0]',
    '[1..3, 7, [8..9]]',
    '$count([1..1000000])',
    '[1.5..2]',
    '[1..2.5]',
    '["a"..2]',
    '[missing..3]',
    '[1..3][1]',
    '$sort(items.n)',
    '$sort(items.s)',
    '$sort([1, "a"])',
    '$sort(items, function($l, $r){ $l.n > $r.n }).s',
    'items^(>n).s',
    '$sort([])',
    '$sort(7)',
    '$distinct([1, 2, 1, "1", true, true, null, null])',
    '$distinct([{"a":1,"b":[1]}, {"b":[1],"a":1}, [1], [1], {"a":2}])',
    '$distinct(items.s)',
    '$distinct("x")',
    '$string(items)',
    '$string(items, true)',
    '$string({"v": x + 2.2, "f": $sum, "u": undefined})',
    '$string($)',
    '$string(1/3)',
    '$string("text")',
    '$string($sum)',
    '$append([1, 2], [3])',
    '$append(1, [2])',
    '$append([1], missing)',
    '$replace("a1b22", /\\d+/, "#")',
    '$match("ab12", /([a-z]+)(\\d+)/)',
    '$split("a1b2c", /\\d/)',
    '$contains("Hello", /^h/i)',
  ])('gives the same result as jsonata for %s', async (expression) => {
    expect(await guarded(expression, INPUT)).toEqual(await plain(expression, INPUT));
  });

  it.each(['$string($)', '$string($, true)', '$sort($)', '$distinct($)', '$append($, [1..2])'])(
    'gives the same result as jsonata for %s over an array document',
    async (expression) => {
      const input = [3, 1, 3, 0.1 + 0.2];
      expect(await guarded(expression, input)).toEqual(await plain(expression, input));
    },
  );

  it('refuses ranges and appends beyond a million items at once', { timeout: 30_000 }, async () => {
    const started = performance.now();
    const tooLarge = { error: 'Too large: a range or $append may make at most 1,000,000 items.' };
    expect(await guarded('$string([1..10000000])')).toEqual(tooLarge);
    expect(await guarded('$count([0..1000000])')).toEqual(tooLarge);
    expect(
      await guarded('$reduce([1..10], function($a, $i){ $append($a, [1..200000]) }, [])'),
    ).toEqual(tooLarge);
    // Refused before the items are made: building 10 million would take far longer.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  // The bound tells linear from quadratic work (minutes at these sizes), not a speed:
  // it must hold on a shared, loaded machine, so it is generous. Speed is for `pnpm bench`.
  it('sorts, de-duplicates and writes large arrays quickly', { timeout: 30_000 }, async () => {
    const started = performance.now();
    expect(await guarded('$sort($reverse([1..30000]))[[0, 29999]]')).toEqual([1, 30000]);
    expect(await guarded('$count($distinct([1..100000]))')).toBe(100_000);
    expect(await guarded('$length($string([1..1000000]))')).toBe(6_888_897);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
