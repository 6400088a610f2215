import { describe, expect, it } from 'vitest';
import { compileWildcard, matchesWildcard } from './wildcard.ts';

const matches = (value: string, pattern: string) =>
  matchesWildcard(value, compileWildcard(pattern));

describe('wildcard', () => {
  it('* is one or more characters, ? exactly one, everything else literal', () => {
    expect(matches('PR-1', 'PR-*')).toBe(true);
    expect(matches('PR-', 'PR-*')).toBe(false);
    expect(matches('PR-12', 'PR-?')).toBe(false);
    expect(matches('abc', '*b*')).toBe(true);
    expect(matches('ab', '*b*')).toBe(false);
    expect(matches('ab', '**')).toBe(true);
    expect(matches('a', '**')).toBe(false);
    expect(matches('a.c', 'a.c')).toBe(true);
    expect(matches('abc', 'a.c')).toBe(false);
    expect(matches('(x)+', '(?)+')).toBe(true);
    expect(matches('', '')).toBe(true);
    expect(matches('x', '')).toBe(false);
  });

  it('retries the last star when a later literal fails', () => {
    expect(matches('xaxab', '*a*b')).toBe(true);
    expect(matches('aaab', '*ab')).toBe(true);
    expect(matches('abab', '*ab')).toBe(true);
    expect(matches('abac', '*ab')).toBe(false);
  });

  it('never matches a value on more than one line', () => {
    expect(matches('a\nb', 'a*')).toBe(false);
    expect(matches('a\r\nb', '*')).toBe(false);
  });

  it('agrees with the regex translation it replaces on generated cases', () => {
    const alphabet = ['a', 'b', '*', '?'];
    for (let n = 0; n < 2_000; n += 1) {
      const pattern = Array.from(
        { length: 1 + (n % 6) },
        (_, i) => alphabet[(n * 7 + i * 3) % 4],
      ).join('');
      const value = Array.from({ length: n % 9 }, (_, i) => 'ab'[(n >> i) & 1]).join('');
      const regex = new RegExp(`^${pattern.replaceAll('*', '.+').replaceAll('?', '.')}$`);
      expect(matches(value, pattern), `${value} ~ ${pattern}`).toBe(regex.test(value));
    }
  });

  it('matches *a*a*a*a*a*a*a*a*a*a*b on 3,000 characters at once', { timeout: 5_000 }, () => {
    const started = performance.now();
    expect(matches('a'.repeat(3_000), '*a*a*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(matches(`${'a'.repeat(3_000)}b`, '*a*a*a*a*a*a*a*a*a*a*b')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
