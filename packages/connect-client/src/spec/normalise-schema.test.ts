import { describe, expect, it } from 'vitest';
import { normaliseSchema } from './normalise-schema.ts';
import type { SchemaObject } from './openapi-types.ts';

const components: Record<string, SchemaObject> = {
  Purchase: { type: 'object', properties: { type: { type: 'string', enum: ['purchase'] } } },
  Change: { type: 'object', properties: { type: { type: 'string', enum: ['change', 'renew'] } } },
  Renew: { type: 'object', properties: { type: { enum: ['renew'] } } },
  Stamp: { type: 'string', readOnly: true },
};
const resolve = (ref: string) => components[ref.replace('#/components/schemas/', '')];

describe('normaliseSchema', () => {
  it('turns nullable into a type union and lets null into an enum', () => {
    expect(normaliseSchema({ type: 'string', nullable: true }, 'response', resolve)).toEqual({
      type: ['string', 'null'],
    });
    expect(
      normaliseSchema({ type: 'string', enum: ['a'], nullable: true }, 'response', resolve),
    ).toEqual({ type: ['string', 'null'], enum: ['a', null] });
  });

  it('wraps a nullable schema without a type in anyOf', () => {
    expect(
      normaliseSchema(
        { allOf: [{ $ref: '#/components/schemas/Purchase' }], nullable: true },
        'request',
        resolve,
      ),
    ).toEqual({
      anyOf: [
        { allOf: [{ $ref: 'connect-spec-request#/components/schemas/Purchase' }] },
        { type: 'null' },
      ],
    });
  });

  it('drops readOnly properties from required in requests only', () => {
    const schema = {
      type: 'object',
      required: ['id', 'created', 'name'],
      properties: {
        id: { type: 'string', readOnly: true },
        created: { $ref: '#/components/schemas/Stamp' },
        name: { type: 'string' },
      },
    };
    expect(normaliseSchema(schema, 'request', resolve)).toMatchObject({ required: ['name'] });
    expect(normaliseSchema(schema, 'response', resolve)).toMatchObject({
      required: ['id', 'created', 'name'],
    });
  });

  it('keeps property names that look like keywords', () => {
    const schema = { type: 'object', properties: { nullable: { type: 'boolean' } } };
    expect(normaliseSchema(schema, 'response', resolve)).toEqual(schema);
  });

  it('selects discriminated branches by the enum of the property', () => {
    const schema = {
      oneOf: [
        { $ref: '#/components/schemas/Purchase' },
        { $ref: '#/components/schemas/Change' },
        { $ref: '#/components/schemas/Renew' },
      ],
      discriminator: { propertyName: 'type' },
    };
    const ref = (name: string) => ({ $ref: `connect-spec-request#/components/schemas/${name}` });
    // JSON Schema's if/then, built without a literal `then` key (Biome flags thenables).
    const branch = (value: string, then: unknown) =>
      Object.fromEntries([
        ['if', { properties: { type: { const: value } } }],
        ['then', then],
      ]);
    expect(normaliseSchema(schema, 'request', resolve)).toEqual({
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['purchase', 'change', 'renew'] } },
      allOf: [
        branch('purchase', ref('Purchase')),
        branch('change', ref('Change')),
        branch('renew', { anyOf: [ref('Change'), ref('Renew')] }),
      ],
    });
  });
});
