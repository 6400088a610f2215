import { describe, expect, it } from 'vitest';
import { compileLike } from './like.ts';

/** The RegExp translation the matcher replaced, kept as the reference on short values. */
function referenceRegex(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? '';
    if (char === '\\' && pattern[i + 1] === '*') {
      source += '\\*';
      i += 1;
    } else {
      source += char === '*' ? '.*' : char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

describe('compileLike', () => {
  it('matches stars as any run, \\* as a star, the rest literally', () => {
    expect(compileLike('Cloud*', false)('Cloud Backup')).toBe(true);
    expect(compileLike('cloud*', false)('Cloud Backup')).toBe(false);
    expect(compileLike('*BACK*', true)('Cloud Backup')).toBe(true);
    expect(compileLike('a\\*b', false)('a*b')).toBe(true);
    expect(compileLike('a\\*b', false)('axb')).toBe(false);
    expect(compileLike('a*a', false)('a')).toBe(false);
    expect(compileLike('a.c', false)('abc')).toBe(false);
    expect(compileLike('*', false)('line\nbreak')).toBe(true);
  });

  it('agrees with the RegExp translation on generated cases', () => {
    const patternAlphabet = ['a', 'b', 'A', '*', '\\*', '.'];
    const valueAlphabet = ['a', 'b', 'A', '*', '.', '\n'];
    for (let n = 0; n < 3_000; n += 1) {
      const pattern = Array.from(
        { length: n % 7 },
        (_, i) => patternAlphabet[(n * 5 + i * 7 + (n >> i)) % patternAlphabet.length],
      ).join('');
      const value = Array.from(
        { length: (n >> 2) % 8 },
        (_, i) => valueAlphabet[(n * 3 + i * 11 + (n >> (i + 1))) % valueAlphabet.length],
      ).join('');
      for (const insensitive of [false, true]) {
        expect(compileLike(pattern, insensitive)(value), `${value} like ${pattern}`).toBe(
          referenceRegex(pattern, insensitive).test(value),
        );
      }
    }
  });

  it('answers *a*a*a*a*a*a*a*a*a*a*b on 100,000 characters at once', { timeout: 5_000 }, () => {
    const started = performance.now();
    const like = compileLike('*a*a*a*a*a*a*a*a*a*a*b', true);
    expect(like('a'.repeat(100_000))).toBe(false);
    expect(like(`${'A'.repeat(100_000)}B`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
