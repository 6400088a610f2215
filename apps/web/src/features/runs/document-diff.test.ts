import { renderPath } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { diffDocuments, diffProperties, documentsDiffer } from './document-diff.ts';

describe('diffDocuments', () => {
  it('shows a type change: a number that became text, null that became "null"', () => {
    expect(diffDocuments('{"n":1,"x":null}', '{"n":"1","x":"null"}')).toEqual([
      { key: 'n', before: '1', after: '"1"' },
      { key: 'x', before: 'null', after: '"null"' },
    ]);
  });

  it('shows removed and added empty objects and arrays', () => {
    expect(diffDocuments('{"a":{},"b":[],"c":1}', '{"c":1,"d":{},"e":[]}')).toEqual([
      { key: 'a', before: '{}' },
      { key: 'b', before: '[]' },
      { key: 'd', after: '{}' },
      { key: 'e', after: '[]' },
    ]);
  });

  it('keeps a dotted key apart from nested keys', () => {
    expect(diffDocuments('{"a.b":1,"a":{"b":1}}', '{"a.b":2,"a":{"b":1}}')).toEqual([
      { key: '["a.b"]', before: '1', after: '2' },
    ]);
    expect(diffDocuments('{"a":{"b.c":[1]}}', '{"a":{"b.c":[2]}}')).toEqual([
      { key: 'a["b.c"][0]', before: '1', after: '2' },
    ]);
  });

  it('shows array items changed, added and removed, by index in order', () => {
    expect(diffDocuments('{"xs":[1,2,3]}', '{"xs":[1,5]}')).toEqual([
      { key: 'xs[1]', before: '2', after: '5' },
      { key: 'xs[2]', before: '3' },
    ]);
    const twelve = Array.from({ length: 12 }, (_, i) => i);
    expect(
      diffDocuments(JSON.stringify(twelve), JSON.stringify([...twelve, 12, 13])).map((r) => r.key),
    ).toEqual(['[12]', '[13]']);
    expect(
      diffDocuments('[0,0,0,0,0,0,0,0,0,0,0]', '[0,0,1,0,0,0,0,0,0,0,1]').map((r) => r.key),
    ).toEqual(['[2]', '[10]']);
  });

  it('shows added and removed keys, including ones named like Object methods', () => {
    expect(diffDocuments('{"old":1,"toString":1}', '{"new":2,"constructor":3}')).toEqual([
      { key: 'constructor', after: '3' },
      { key: 'new', after: '2' },
      { key: 'old', before: '1' },
      { key: 'toString', before: '1' },
    ]);
  });

  it('shows an object that became an array, and a changed top-level value', () => {
    expect(diffDocuments('{"a":{}}', '{"a":[]}')).toEqual([
      { key: 'a', before: '{}', after: '[]' },
    ]);
    expect(diffDocuments('1', '"1"')).toEqual([{ key: '(document)', before: '1', after: '"1"' }]);
    expect(diffDocuments('{}', '[]')).toEqual([{ key: '(document)', before: '{}', after: '[]' }]);
  });

  it('finds no change in key order or spacing, and compares non-JSON text whole', () => {
    expect(diffDocuments('{"a":1,"b":2}', '{ "b": 2, "a": 1 }')).toEqual([]);
    expect(diffDocuments('a,b', 'a,c')).toEqual([{ key: '(text)', before: 'a,b', after: 'a,c' }]);
    expect(diffDocuments('', '{}')).toEqual([{ key: '(text)', before: '', after: '{}' }]);
  });
});

describe('documentsDiffer', () => {
  it('counts a document missing on one side, and a type change, as a change', () => {
    expect(documentsDiffer('{"n":1}', undefined)).toBe(true);
    expect(documentsDiffer(undefined, undefined)).toBe(false);
    expect(documentsDiffer('{"n":1}', '{"n":"1"}')).toBe(true);
    expect(documentsDiffer('{"n":1}', '{ "n": 1 }')).toBe(false);
  });
});

describe('renderPath', () => {
  it('never confuses an index, a numeric key, a dotted key and nested keys', () => {
    expect(renderPath([0])).toBe('[0]');
    expect(renderPath(['0'])).toBe('["0"]');
    expect(renderPath(['a', 'b'])).toBe('a.b');
    expect(renderPath(['a.b'])).toBe('["a.b"]');
    expect(renderPath(['a', 'say "hi"'])).toBe('a["say \\"hi\\""]');
    expect(renderPath([])).toBe('(document)');
  });
});

describe('diffProperties', () => {
  it('lists added, removed and changed properties by name', () => {
    expect(diffProperties({ a: '1', b: '2', c: '' }, { a: '1', b: '3', d: '' })).toEqual([
      { key: 'b', before: '2', after: '3' },
      { key: 'c', before: '' },
      { key: 'd', after: '' },
    ]);
  });
});
