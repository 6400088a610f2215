import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { defaultShape } from '../catalog/shape-catalog.ts';
import { createProcess } from '../create-process.ts';
import { addShape } from '../operations/add-shape.ts';
import {
  type JsonSchemaProfile,
  JsonSchemaProfileSchema,
  MAX_PROFILE_DEPTH,
} from '../schema/profile.ts';
import { parseProcess } from '../serialize.ts';
import { validateProcess } from '../validation/validate.ts';
import { profileFromJsonSchema } from './profile-from-json-schema.ts';
import { profileFromSample } from './profile-from-sample.ts';

describe('profileFromSample', () => {
  it('infers types, nested objects, arrays by their first item and ISO dates', () => {
    const profile = profileFromSample({
      id: 'PR-1',
      count: 3,
      price: 9.5,
      active: true,
      note: null,
      created: '2026-01-02T03:04:05+00:00',
      day: '2026-01-02',
      asset: { product: { id: 'PRD-1' } },
      items: [{ sku: 'a', qty: 1 }, { other: 'ignored' }],
      tags: [],
    });
    expect(profile).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        count: { type: 'integer' },
        price: { type: 'number' },
        active: { type: 'boolean' },
        note: { type: 'null' },
        created: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        asset: {
          type: 'object',
          properties: {
            product: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
          },
          required: ['product'],
        },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
            required: ['sku', 'qty'],
          },
        },
        tags: { type: 'array' },
      },
      required: [
        'id',
        'count',
        'price',
        'active',
        'note',
        'created',
        'day',
        'asset',
        'items',
        'tags',
      ],
    });
    expect(Value.Check(JsonSchemaProfileSchema, profile)).toBe(true);
  });

  it('keeps odd keys as data and caps depth, so the result always validates', () => {
    const hostile = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}');
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) {
      deep = [deep];
    }
    for (const sample of [hostile, deep, undefined, () => 1, 10n]) {
      expect(Value.Check(JsonSchemaProfileSchema, profileFromSample(sample))).toBe(true);
    }
    expect(Object.keys(profileFromSample(hostile).properties ?? {})).toEqual([
      '__proto__',
      'constructor',
    ]);
    let depth = 0;
    for (let p = profileFromSample(deep); p.items; p = p.items) {
      depth++;
    }
    expect(depth).toBeLessThan(MAX_PROFILE_DEPTH);
  });
});

describe('profiles in process files', () => {
  it('a profile nested thousands deep is an issue, not a stack overflow', () => {
    let profile: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 5000; i++) {
      profile = { type: 'object', properties: { a: profile } };
    }
    const connector = defaultShape('connector');
    const doc = addShape(createProcess({ id: 'p', name: 'P' }), {
      id: 'c',
      kind: 'connector',
      position: { x: 0, y: 0 },
      shape: {
        ...connector,
        config: { ...connector.config, responseProfile: profile as JsonSchemaProfile },
      },
    });
    expect(validateProcess(doc)).toEqual([
      expect.objectContaining({
        code: 'profile.too-deep',
        pointer: '/shapes/c/config/responseProfile',
      }),
    ]);
    // Built as text: JSON.stringify itself recurses too deep for a test worker.
    const deep = `${'{"type":"object","properties":{"a":'.repeat(5000)}{"type":"string"}${'}}'.repeat(5000)}`;
    const text = JSON.stringify({
      ...doc,
      shapes: {
        ...doc.shapes,
        c: { ...connector, config: { ...connector.config, responseProfile: '__DEEP__' } },
      },
    }).replace('"__DEEP__"', deep);
    // The file is refused before parsing; a value built otherwise still gets the profile issue.
    expect(parseProcess(text)).toMatchObject({ ok: false, issues: [{ code: 'json.too-deep' }] });
    expect(validateProcess(JSON.parse(text))).toContainEqual(
      expect.objectContaining({ code: 'profile.too-deep' }),
    );
  });
});

describe('profileFromJsonSchema', () => {
  it('narrows a full JSON Schema to the profile subset', () => {
    expect(
      profileFromJsonSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Request',
        properties: {
          id: { type: ['string', 'null'], description: 'Id' },
          items: { type: 'array', items: { oneOf: [{}] } },
        },
        required: ['id', 'missing'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', description: 'Id' },
        items: { type: 'array' },
      },
      required: ['id'],
    });
    expect(profileFromJsonSchema({ id: 1 })).toBeNull();
    expect(profileFromJsonSchema('x')).toBeNull();
  });
});
