import { describe, expect, it } from 'vitest';
import { compilePathPattern } from './path-pattern.ts';

/** The RegExp translation the simulation replaced, the reference on short paths. */
function referenceRegex(pattern: string): RegExp {
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
}

describe('compilePathPattern', () => {
  it('matches * within a segment and ** across segments', () => {
    expect(compilePathPattern('/requests/*').test('/requests/PR-1')).toBe(true);
    expect(compilePathPattern('/requests/*').test('/requests/PR-1/approve')).toBe(false);
    expect(compilePathPattern('/requests/**').test('/requests/PR-1/approve')).toBe(true);
    expect(compilePathPattern('/requests/*/approve').test('/requests//approve')).toBe(true);
    expect(compilePathPattern('/a.b').test('/axb')).toBe(false);
  });

  it('agrees with the RegExp translation on generated cases', () => {
    const patternAlphabet = ['a', '/', '*', '**', '.'];
    const pathAlphabet = ['a', '/', 'b', '.'];
    for (let n = 0; n < 3_000; n += 1) {
      const pattern = Array.from(
        { length: n % 6 },
        (_, i) => patternAlphabet[(n * 3 + i * 7 + (n >> i)) % patternAlphabet.length],
      ).join('');
      const path = Array.from(
        { length: (n >> 1) % 8 },
        (_, i) => pathAlphabet[(n * 5 + i * 3 + (n >> (i + 2))) % pathAlphabet.length],
      ).join('');
      expect(compilePathPattern(pattern).test(path), `${path} ~ ${pattern}`).toBe(
        referenceRegex(pattern).test(path),
      );
    }
  });

  it('tests a long request path against /a*a*a*a*a*a*a*a*b at once', { timeout: 5_000 }, () => {
    const started = performance.now();
    const pattern = compilePathPattern('/a*a*a*a*a*a*a*a*b');
    expect(pattern.test(`/${'a'.repeat(8_000)}`)).toBe(false);
    expect(pattern.test(`/${'a'.repeat(8_000)}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
