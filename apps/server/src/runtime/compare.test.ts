import { describe, expect, it } from 'vitest';
import { compareValues } from './compare.ts';

describe('compareValues', () => {
  it('compares numerically when both sides are numbers, else lexically', () => {
    expect(compareValues('10', 'gt', '9')).toBe(true);
    expect(compareValues('10', 'lt', '9x')).toBe(true);
    expect(compareValues('1.0', 'equals', '1')).toBe(true);
    expect(compareValues('a', 'equals', 'A')).toBe(false);
    expect(compareValues('b', 'ge', 'b')).toBe(true);
    expect(compareValues('a', 'le', 'b')).toBe(true);
    expect(compareValues('', 'not-equals', '')).toBe(false);
  });

  it('matches a regex against the whole value, like Java', () => {
    expect(compareValues('PR-123', 'regex', 'PR-\\d+')).toBe(true);
    expect(compareValues('xPR-123', 'regex', 'PR-\\d+')).toBe(false);
    expect(() => compareValues('x', 'regex', '(')).toThrow();
  });

  it('matches wildcards: * one or more, ? exactly one, single line', () => {
    expect(compareValues('PR-1', 'wildcard', 'PR-*')).toBe(true);
    expect(compareValues('PR-', 'wildcard', 'PR-*')).toBe(false);
    expect(compareValues('ab', 'wildcard', 'a?')).toBe(true);
    expect(compareValues('a.c', 'wildcard', 'a.c')).toBe(true);
    expect(compareValues('abc', 'wildcard', 'a.c')).toBe(false);
    expect(compareValues('a\nb', 'wildcard', 'a*')).toBe(false);
  });

  it('runs (a+)+b in linear time and refuses what RE2 cannot do', { timeout: 5_000 }, () => {
    const started = performance.now();
    expect(compareValues(`${'a'.repeat(50_000)}c`, 'regex', '(a+)+b')).toBe(false);
    expect(compareValues('aaab', 'regex', '(a+)+b')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(() => compareValues('ab', 'regex', 'a(?=b)b')).toThrow(
      /lookahead \(\?=…\) at character 2 is not supported/,
    );
  });

  it('keeps regex alternation inside the whole-value anchor', () => {
    expect(compareValues('xa', 'regex', 'a|xa')).toBe(true);
    expect(compareValues('ab', 'regex', 'a|b')).toBe(false);
  });
});
