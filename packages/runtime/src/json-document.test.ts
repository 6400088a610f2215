import { describe, expect, it, vi } from 'vitest';
import { copyDocument } from './documents.ts';
import { documentJson, isExactJson, JsonDocument, jsonText } from './json-document.ts';
import type { RunDocument } from './types.ts';

describe.each([
  ['written at once', false],
  ['written when read', true],
])('JsonDocument, its text %s', (_, lazy) => {
  const value = { n: 1, name: 'record 1', tags: ['a'] };

  it('holds the JSON text of its value and hands back that value, not a re-parse', () => {
    const doc = JsonDocument.of('d1', 'in', {}, value, lazy);
    expect(doc.data).toBe(JSON.stringify(value));
    expect(documentJson(doc)).toBe(value);
  });

  it('looks like the plain document it stands for: same keys, same order, same JSON', () => {
    const doc = JsonDocument.of('d1', 'in', { p: 'v' }, value, lazy);
    const plain = { id: 'd1', parentId: 'in', data: JSON.stringify(value), properties: { p: 'v' } };
    expect(Object.keys(doc)).toEqual(Object.keys(plain));
    expect(JSON.stringify(doc)).toBe(JSON.stringify(plain));
    expect(doc).toEqual(plain);
    expect({ ...doc }).toEqual(plain);
    const orphan = JsonDocument.of('d2', undefined, {}, value, lazy);
    expect(Object.keys(orphan)).toEqual(['id', 'data', 'properties']);
  });

  it('reads changed data as the new JSON: a spread copy or an assignment drops the kept value', () => {
    const doc = JsonDocument.of('d1', undefined, {}, value, lazy);
    const changed: RunDocument = { ...doc, data: '{"n":2}' };
    expect(documentJson(changed)).toEqual({ n: 2 });
    doc.data = '{"n":3}';
    expect(documentJson(doc)).toEqual({ n: 3 });
    expect(copyDocument(doc).data).toBe('{"n":3}');
    expect(documentJson(copyDocument(doc))).toEqual({ n: 3 });
  });

  it('keeps the value through a property change, with the text unchanged', () => {
    const doc = JsonDocument.of('d1', 'in', { a: '1' }, value, lazy);
    const copy = JsonDocument.withProperties(doc, { a: '2' });
    expect(copy).toEqual({ ...doc, properties: { a: '2' } });
    expect(copy.data).toBe(doc.data);
    expect(documentJson(copy)).toBe(value);
    expect(doc.properties).toEqual({ a: '1' });
    expect(documentJson(copyDocument(doc))).toBe(value);
  });

  it('drops the parent and nothing else, kept value included', () => {
    const doc = JsonDocument.of('d2', 'seed', { a: '1' }, value, lazy);
    const orphan = JsonDocument.withoutParent(doc);
    expect(orphan).toEqual({ id: 'd2', data: doc.data, properties: { a: '1' } });
    expect(Object.keys(orphan)).toEqual(['id', 'data', 'properties']);
    expect(documentJson(orphan)).toBe(value);
    const plain: RunDocument = { id: 'p', parentId: 'seed', data: 'text', properties: {} };
    expect(JsonDocument.withoutParent(plain)).toEqual({ id: 'p', data: 'text', properties: {} });
    expect(plain.parentId).toBe('seed');
  });

  it('leaves a plain document byte for byte as it was, and parses it afresh each time', () => {
    const text = '{ "b" : 1,\n  "a" : [1.50, -0] }';
    const doc: RunDocument = { id: 'in', data: text, properties: {} };
    const copy = copyDocument(doc, { properties: { x: 'y' } });
    expect(copy.data).toBe(text);
    expect(JsonDocument.withProperties(doc, {}).data).toBe(text);
    expect(documentJson(doc)).toEqual({ b: 1, a: [1.5, -0] });
    expect(documentJson(doc)).not.toBe(documentJson(doc));
  });

  it('throws on data that is not JSON, like JSON.parse', () => {
    expect(() => documentJson({ id: 'x', data: 'not json', properties: {} })).toThrow(SyntaxError);
    expect(() => documentJson({ id: 'x', data: '', properties: {} })).toThrow(SyntaxError);
  });
});

describe('JsonDocument with a lazy text', () => {
  const value = { n: 1, name: 'record 1', tags: ['a'] };

  it('writes its text only when data is first read, and once', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const doc = JsonDocument.of('d1', 'in', {}, value, true);
      const copy = JsonDocument.withProperties(doc, { a: '1' });
      const orphan = JsonDocument.withoutParent(copy);
      expect(JsonDocument.keeps(orphan)).toBe(true);
      expect(documentJson(orphan)).toBe(value);
      expect(stringify).not.toHaveBeenCalled();
      expect(doc.data).toBe('{"n":1,"name":"record 1","tags":["a"]}');
      expect(doc.data).toBe('{"n":1,"name":"record 1","tags":["a"]}');
      expect(stringify).toHaveBeenCalledTimes(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('crosses threads and JSON as the plain document it stands for', () => {
    const doc = JsonDocument.of('d1', 'in', { p: 'v' }, value, true);
    const plain = { id: 'd1', parentId: 'in', data: JSON.stringify(value), properties: { p: 'v' } };
    expect(structuredClone(doc)).toEqual(plain);
    expect(
      JSON.parse(JSON.stringify(JsonDocument.of('d2', 'in', { p: 'v' }, value, true))),
    ).toEqual({ ...plain, id: 'd2' });
  });

  it('keeps a copy made before the text was written valid after the original is assigned', () => {
    const doc = JsonDocument.of('d1', undefined, {}, value, true);
    const copy = JsonDocument.withProperties(doc, {});
    doc.data = '{"n":2}';
    expect(JsonDocument.keeps(doc)).toBe(false);
    expect(documentJson(doc)).toEqual({ n: 2 });
    expect(documentJson(copy)).toBe(value);
    expect(copy.data).toBe(JSON.stringify(value));
  });
});

describe('jsonText', () => {
  it('writes again by hand only after a stack overflow; a text too long fails as it would', () => {
    const stringify = vi.spyOn(JSON, 'stringify').mockImplementationOnce(() => {
      throw new RangeError('Invalid string length');
    });
    try {
      expect(() => jsonText({ a: [1, 2, { b: 'c' }] })).toThrow(
        /longer than [\d,]+ characters, the most a JavaScript string holds/,
      );
    } finally {
      stringify.mockRestore();
    }
  });

  it('refuses a value with no JSON text rather than make a document of it', () => {
    expect(() => JsonDocument.of('d', undefined, {}, undefined, false)).toThrow(TypeError);
    expect(() => JsonDocument.of('d', undefined, {}, undefined, true).data).toThrow(TypeError);
  });

  it('keeps its lazy data as the one accessor: it cannot be redefined or deleted', () => {
    const doc = JsonDocument.of('d', undefined, {}, { a: 1 }, true);
    expect(() => Object.defineProperty(doc, 'data', { value: '{"a":4}' })).toThrow(TypeError);
    expect(Reflect.deleteProperty(doc, 'data')).toBe(false);
    expect(documentJson(doc)).toEqual({ a: 1 });
    expect(doc.data).toBe('{"a":1}');
  });

  it('writes what JSON.stringify writes, past the depth JSON.stringify reaches', () => {
    const depth = 20_000;
    const text = `${'[{"k":'.repeat(depth)}"x"${'}]'.repeat(depth)}`;
    const deep = JSON.parse(text);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(jsonText(deep)).toBe(text);
    expect(JsonDocument.of('d', undefined, {}, deep, true).data).toBe(text);
    expect(JsonDocument.of('d', undefined, {}, deep, false).data).toBe(text);
  });

  it("writes keys in JSON.stringify's order, escaped, with every kind of value", () => {
    const sample = JSON.parse(
      '{"b":[1,-2.5e-7,true,false,null,"q\\"\\u2028",[],{}],"2":"two","1":{"__proto__":{"x":1}},"\\n":""}',
    );
    let deep: unknown = sample;
    for (let i = 0; i < 20_000; i++) {
      deep = [deep];
    }
    const expected = `${'['.repeat(20_000)}${JSON.stringify(sample)}${']'.repeat(20_000)}`;
    expect(jsonText(deep)).toBe(expected);
  });
});

describe('isExactJson', () => {
  it('accepts parsed JSON that its text carries', () => {
    expect(isExactJson(JSON.parse('[{"n":1.5,"s":"x","z":null,"o":{"a":[true,0,-1]}}]'))).toBe(
      true,
    );
    expect(isExactJson('text')).toBe(true);
  });

  it('refuses numbers the text cannot carry: overflow to Infinity, and -0', () => {
    expect(isExactJson(JSON.parse('[{"a":[1e400]}]'))).toBe(false);
    expect(isExactJson(JSON.parse('{"a":-1e400}'))).toBe(false);
    expect(isExactJson(JSON.parse('{"a":{"b":-0}}'))).toBe(false);
    // Values made in code, as a gateway might return them, are not plain JSON.
    expect(isExactJson({ at: new Date(0) })).toBe(false);
    expect(isExactJson({ a: undefined })).toBe(false);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    expect(isExactJson([1, , 3])).toBe(false);
    expect(isExactJson({ n: 1n })).toBe(false);
  });

  it('walks deep nesting without recursion', () => {
    const deep = JSON.parse(`${'['.repeat(50_000)}1${']'.repeat(50_000)}`);
    expect(isExactJson(deep)).toBe(true);
  });
});
