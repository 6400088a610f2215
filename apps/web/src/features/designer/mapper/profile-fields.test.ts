import { describe, expect, it } from 'vitest';
import {
  addProfileField,
  inferProfile,
  listProfileFields,
  mergeRowPaths,
} from './profile-fields.ts';

const paths = (text: string) => {
  const inferred = inferProfile(text);
  if (!inferred.ok) {
    throw new Error(inferred.error);
  }
  return listProfileFields(inferred.value).map((f) => `${f.path}:${f.type}`);
};

describe('inferProfile and listProfileFields', () => {
  it('lists every field of a sample, nested ones and array items under [0]', () => {
    expect(
      paths('{"id":"PR-1","customer":{"name":"Ann"},"lines":[{"qty":2,"price":1.5}],"ok":true}'),
    ).toEqual([
      'id:string',
      'customer:object',
      'customer.name:string',
      'lines:array',
      'lines[0].qty:integer',
      'lines[0].price:number',
      'ok:boolean',
    ]);
  });

  it('describes a top-level array by its first record', () => {
    expect(paths('[{"a":1},{"b":2}]')).toEqual(['a:integer']);
  });

  it('says where a sample is not JSON, or not a record', () => {
    const broken = inferProfile('{"a":');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/not JSON/);
    expect(inferProfile('42')).toEqual({
      ok: false,
      error: 'The sample must be a JSON object (or an array of objects).',
    });
    expect(inferProfile('  ')).toMatchObject({ ok: false });
  });

  it('skips keys a field path cannot name, and keeps __proto__ as a plain field', () => {
    expect(paths('{"a.b":1,"x[0]":2,"__proto__":{"c":3}}')).toEqual([
      '__proto__:object',
      '__proto__.c:integer',
    ]);
  });
});

describe('addProfileField', () => {
  it('creates the objects and arrays on the way', () => {
    const added = addProfileField(null, 'order.lines[0].sku', 'string');
    expect(added.ok && listProfileFields(added.value).map((f) => f.path)).toEqual([
      'order',
      'order.lines',
      'order.lines[0].sku',
    ]);
  });

  it('refuses a bad path, a duplicate and a path through a field of another type', () => {
    expect(addProfileField(null, 'a..b', 'string')).toMatchObject({ ok: false });
    const one = addProfileField(null, 'name', 'string');
    if (!one.ok) {
      throw new Error(one.error);
    }
    expect(addProfileField(one.value, 'name', 'string')).toEqual({
      ok: false,
      error: 'The profile already has “name”.',
    });
    expect(addProfileField(one.value, 'name.first', 'string')).toEqual({
      ok: false,
      error: '“first” cannot go inside a field of type string.',
    });
  });

  it('adds __proto__ as data, never touching the prototype', () => {
    const added = addProfileField(null, '__proto__.polluted', 'string');
    expect(added.ok && listProfileFields(added.value).map((f) => f.path)).toEqual([
      '__proto__',
      '__proto__.polluted',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('mergeRowPaths', () => {
  it('appends the paths rows use that the profile lacks, once each', () => {
    const merged = mergeRowPaths([{ path: 'id', type: 'string', depth: 0 }], ['id', 'x', 'x', '']);
    expect(merged.map((f) => f.path)).toEqual(['id', 'x']);
  });
});
