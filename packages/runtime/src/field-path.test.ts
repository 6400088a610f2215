import { describe, expect, it } from 'vitest';
import { MAX_ARRAY_GAP, MAX_GROWN_ARRAY, readPath, writePath } from './field-path.ts';

describe('field paths never reach a prototype', () => {
  it('writes a field named __proto__ as a field, leaving every object’s prototype alone', () => {
    const written = writePath({}, ['__proto__', 'polluted'], 'yes');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(written)).toBe(Object.prototype);
    expect(JSON.stringify(written)).toBe('{"__proto__":{"polluted":"yes"}}');
    const direct = writePath({}, ['__proto__'], { polluted: 'yes' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(direct)).toBe('{"__proto__":{"polluted":"yes"}}');
  });

  it('reads only a value’s own fields: inherited ones are missing, JSON’s own __proto__ is found', () => {
    expect(readPath({}, ['constructor'])).toBeUndefined();
    expect(readPath({ a: [1, 2] }, ['a', 1])).toBe(2);
    expect(readPath(JSON.parse('{"__proto__":{"a":1}}'), ['__proto__', 'a'])).toBe(1);
  });

  it('writes through an inherited name by making the field, not by following the prototype', () => {
    const target = writePath({}, ['constructor', 'name'], 'x') as Record<string, unknown>;
    expect(Object.hasOwn(target, 'constructor')).toBe(true);
    expect(JSON.stringify(target)).toBe('{"constructor":{"name":"x"}}');
    expect(Object.name).toBe('Object');
  });

  it('refuses an index far past an array’s end, which would write millions of nulls', () => {
    expect(() => writePath({}, ['a', 100_000_000], 'x')).toThrow(
      'index 100000000 is past what a write may add to an array of 0 (at most 1,000 past its end, 100,000 elements in all)',
    );
    expect(() => writePath([], [100_000_000, 'b'], 'x')).toThrow(/an array of 0/);
    // Written as a name (`a.5000000`), the step is still an index into an array.
    expect(() => writePath({ a: [] }, ['a', '5000000'], 'x')).toThrow(/index 5000000/);
    expect(() => writePath([], ['5000000'], 'x')).toThrow(/index 5000000/);
    expect(writePath({ a: [1] }, ['a', 1 + MAX_ARRAY_GAP], 'x')).toMatchObject({
      a: { length: 2 + MAX_ARRAY_GAP },
    });
    // Step by step, a path may not grow an array past MAX_GROWN_ARRAY.
    let grown: unknown = { a: [] };
    for (let at = MAX_ARRAY_GAP; at < MAX_GROWN_ARRAY; at += MAX_ARRAY_GAP) {
      grown = writePath(grown, ['a', at], 'x');
    }
    expect(() => writePath(grown, ['a', MAX_GROWN_ARRAY], 'x')).toThrow(/100,000 elements/);
    // Within an array that came in long, any index is a place to write.
    const long = Array.from({ length: MAX_GROWN_ARRAY + 5 }, () => 0);
    expect((writePath(long, [MAX_GROWN_ARRAY + 4], 'x') as unknown[])[MAX_GROWN_ARRAY + 4]).toBe(
      'x',
    );
    // An object's numeric field is a name, not a place in an array.
    expect(writePath({ a: {} }, ['a', 100_000_000], 'x')).toEqual({ a: { 100000000: 'x' } });
  });
});
