import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeepAt } from './json-scan.ts';
import { duplicateKeyIssues, readJson } from './read-json.ts';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('readJson', () => {
  it('refuses nesting deeper than the limit, with the position, without recursing', () => {
    const result = readJson(`[\n${'['.repeat(10_000)}${']'.repeat(10_001)}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatchObject({
      code: 'json.too-deep',
      message: `Nested deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${MAX_JSON_DEPTH}`,
    });
  });

  it('accepts nesting up to the limit', () => {
    expect(readJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(readJson(nested(MAX_JSON_DEPTH + 1)).ok).toBe(false);
    // The same limit for values built in memory, measured without recursion.
    expect(nestedDeeperThan(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(nestedDeeperThan(JSON.parse(nested(10_000)))).toBe(true);
  });

  it('does not count brackets inside strings', () => {
    expect(tooDeepAt(`{"a":"${'['.repeat(2000)}\\"{"}`)).toBeUndefined();
  });

  it('locates a syntax error by line, column and the pointer of the closest member', () => {
    const result = readJson('{\n  "shapes": {\n    "a": }\n}');
    expect(!result.ok && result.issues).toEqual([
      {
        severity: 'error',
        code: 'json.syntax',
        message: 'Value expected at line 3, column 10',
        pointer: '/shapes/a',
      },
    ]);
  });

  it('refuses what JSON.parse refuses even where jsonc-parser is lenient', () => {
    for (const text of ['{"a":1,}', '// c\n{}', '', '{"a":1} x']) {
      const result = readJson(text);
      expect(result.ok, text).toBe(false);
      expect(!result.ok && result.issues[0]?.code).toBe('json.syntax');
    }
  });

  it('reports each repeated key at its pointer only when asked', () => {
    const text = '{"shapes":{"shape_2":{"kind":"a"},"x~/y":{},"shape_2":{"kind":"b"},"x~/y":1}}';
    expect(readJson(text).ok).toBe(true);
    const result = readJson(text, { duplicateKeys: true });
    expect(!result.ok && result.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['json.duplicate-key', '/shapes/shape_2'],
      ['json.duplicate-key', '/shapes/x~0~1y'],
    ]);
    expect(!result.ok && result.issues[0]?.message).toBe(
      'Duplicate key "shape_2" at line 1, column 45: its value would silently replace the earlier one',
    );
  });

  it('counts members correctly around strings that look like keys', () => {
    const text = '{"a" : "\\"b\\":", "c": ["d", {"e" :1}]}';
    expect(JSON.parse(text)).toEqual({ a: '"b":', c: ['d', { e: 1 }] });
    expect(readJson(text, { duplicateKeys: true }).ok).toBe(true);
    const proto = readJson('{"__proto__":1,"__proto__":2}', { duplicateKeys: true });
    expect(!proto.ok && proto.issues.map((i) => i.pointer)).toEqual(['/__proto__']);
  });

  it('does not confuse equal keys in different objects or arrays of objects', () => {
    expect(duplicateKeyIssues('{"a":{"id":1},"b":{"id":2},"c":[{"id":1},{"id":2}]}')).toEqual([]);
    expect(duplicateKeyIssues('[{"id":1,"id":2}]').map((i) => i.pointer)).toEqual(['/0/id']);
  });

  it('refuses prototype-changing keys only when asked, at their pointers', () => {
    const text = '{"a":{"__proto__":{"x":1}},"constructor":{"prototype":{}},"b":{"prototype":1}}';
    expect(readJson(text).ok).toBe(true);
    const result = readJson(text, { forbidPrototypeKeys: true });
    expect(!result.ok && result.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['json.forbidden-key', '/a/__proto__'],
      ['json.forbidden-key', '/constructor/prototype'],
    ]);
  });
});
