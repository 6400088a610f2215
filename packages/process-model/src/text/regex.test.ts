import { describe, expect, it } from 'vitest';
import { compileRegex, regexProblem } from './regex.ts';

describe('regexProblem', () => {
  it('accepts ordinary JavaScript patterns', () => {
    for (const pattern of [
      'PR-\\d+',
      '^(approved|pending)$',
      '\\s+',
      '(?<year>\\d{4})',
      '[^]',
      '',
    ]) {
      expect(regexProblem(pattern)).toBeNull();
    }
  });

  it('reports syntax errors', () => {
    expect(regexProblem('(')).toMatch(/Unterminated group/);
    expect(regexProblem('[')).not.toBeNull();
  });

  it('refuses backreferences and lookaround, saying where', () => {
    expect(regexProblem('(\\w+) \\1')).toBe(
      'A backreference (\\1) at character 7 is not supported: patterns run on a linear-time ' +
        'engine (RE2), which has no backreferences or lookaround.',
    );
    expect(regexProblem('(?<n>a)\\k<n>')).toMatch(/^A named backreference .* at character 8 /);
    expect(regexProblem('a(?=b)')).toMatch(/^A lookahead .* at character 2 /);
    expect(regexProblem('a(?!b)')).toMatch(/^A negative lookahead /);
    expect(regexProblem('(?<=a)b')).toMatch(/^A lookbehind .* at character 1 /);
    expect(regexProblem('(?<!a)b')).toMatch(/^A negative lookbehind /);
  });

  it('does not mistake escaped or bracketed text for those constructs', () => {
    expect(regexProblem('\\(?=x')).toBeNull();
    expect(regexProblem('[(?=]')).toBeNull();
    expect(regexProblem('[\\](?=]')).toBeNull();
    expect(regexProblem('\\\\1')).toBeNull();
  });

  it('refuses what the engine cannot hold, like huge repeat counts', () => {
    expect(regexProblem('a{1001}')).toMatch(/invalid repeat count/);
  });
});

describe('compileRegex', () => {
  it('matches (a+)+b in linear time', { timeout: 5_000 }, () => {
    const started = performance.now();
    expect(compileRegex('(a+)+b').test(`${'a'.repeat(100_000)}c`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('honours the i, m and s flags', () => {
    expect(compileRegex('abc', 'i').test('ABC')).toBe(true);
    expect(compileRegex('^b$', 'm').test('a\nb')).toBe(true);
    expect(compileRegex('a.b', 's').test('a\nb')).toBe(true);
    expect(compileRegex('a.b').test('a\nb')).toBe(false);
  });
});
