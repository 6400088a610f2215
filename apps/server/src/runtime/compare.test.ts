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
});
