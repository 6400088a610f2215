/**
 * Turns OpenAPI 3.0 schema objects into JSON Schema that Ajv 8 (draft-07 mode) understands:
 * `nullable` becomes a type union, `$ref`s point into one registered components schema per
 * direction, `discriminator` becomes if/then branches, and readOnly (in requests) or writeOnly
 * (in responses) properties stop being required, as OpenAPI 3.0 prescribes.
 */

import type { SchemaObject } from './openapi-types.ts';

/** Requests and responses differ only in which properties may be omitted. */
export type Direction = 'request' | 'response';

/** `$id` of the registered components schema of each direction. */
export const COMPONENTS_ID: Readonly<Record<Direction, string>> = {
  request: 'connect-spec-request',
  response: 'connect-spec-response',
};

const SCHEMA_REF = '#/components/schemas/';

/** Looks up `#/components/schemas/<name>` in the raw document. */
export type ResolveRef = (ref: string) => SchemaObject | undefined;

// Annotations Ajv does not need; dropping them keeps compiled code and error output small.
const DROPPED = new Set(['nullable', 'discriminator', 'example', 'xml', 'externalDocs']);

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Normalises one schema (recursively) for `direction`. */
export function normaliseSchema(
  schema: unknown,
  direction: Direction,
  resolve: ResolveRef,
): unknown {
  if (Array.isArray(schema)) {
    return schema.map((item) => normaliseSchema(item, direction, resolve));
  }
  if (!isObject(schema)) {
    return schema;
  }
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) {
      continue;
    }
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
      out[key] = `${COMPONENTS_ID[direction]}${value}`;
    } else if (key === 'properties' && isObject(value)) {
      // Property names are data, not keywords: normalise each value, keep every name.
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [
          name,
          normaliseSchema(sub, direction, resolve),
        ]),
      );
    } else if (key === 'enum' || key === 'required' || key === 'default') {
      out[key] = value;
    } else {
      out[key] = normaliseSchema(value, direction, resolve);
    }
  }
  relaxRequired(schema, out, direction, resolve);
  const discriminated = discriminate(schema, out, resolve);
  return schema['nullable'] === true ? makeNullable(discriminated) : discriminated;
}

/** readOnly properties are never sent; writeOnly ones never come back. */
function relaxRequired(
  raw: SchemaObject,
  out: SchemaObject,
  direction: Direction,
  resolve: ResolveRef,
): void {
  const required = raw['required'];
  const properties = raw['properties'];
  if (!Array.isArray(required) || !isObject(properties)) {
    return;
  }
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  const kept = required.filter((name) => {
    const property = properties[String(name)];
    if (!isObject(property)) {
      return true;
    }
    const target = typeof property['$ref'] === 'string' ? resolve(property['$ref']) : property;
    return target?.[flag] !== true;
  });
  if (kept.length === 0) {
    delete out['required'];
  } else {
    out['required'] = kept;
  }
}

function makeNullable(schema: SchemaObject): SchemaObject {
  const type = schema['type'];
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = [type].flat();
    const result: SchemaObject = {
      ...schema,
      type: types.includes('null') ? types : [...types, 'null'],
    };
    if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) {
      result['enum'] = [...schema['enum'], null];
    }
    return result;
  }
  // No type to widen ($ref, allOf, oneOf…): accept null next to whatever the schema allows.
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * OpenAPI picks the `oneOf` branch by the discriminator property; plain `oneOf` would also
 * fail when a body happens to fit two loose branches. Each value of the property selects the
 * branches that list it in their `enum`; a branch without an enum falls back to `anyOf`.
 */
function discriminate(raw: SchemaObject, out: SchemaObject, resolve: ResolveRef): SchemaObject {
  const discriminator = raw['discriminator'];
  const rawBranches = raw['oneOf'];
  const branches = out['oneOf'];
  if (!isObject(discriminator) || !Array.isArray(rawBranches) || !Array.isArray(branches)) {
    return out;
  }
  const { oneOf: _oneOf, ...rest } = out;
  const property = String(discriminator['propertyName']);
  const byValue = new Map<unknown, unknown[]>();
  for (const [index, rawBranch] of rawBranches.entries()) {
    const target =
      isObject(rawBranch) && typeof rawBranch['$ref'] === 'string'
        ? resolve(rawBranch['$ref'])
        : rawBranch;
    const definition = isObject(target) ? target['properties'] : undefined;
    const values =
      isObject(definition) && isObject(definition[property])
        ? definition[property]['enum']
        : undefined;
    if (!Array.isArray(values)) {
      return { ...rest, anyOf: branches };
    }
    for (const value of values) {
      byValue.set(value, [...(byValue.get(value) ?? []), branches[index]]);
    }
  }
  return {
    ...rest,
    type: 'object',
    required: [property],
    properties: {
      ...(isObject(rest['properties']) ? rest['properties'] : {}),
      [property]: { enum: [...byValue.keys()] },
    },
    allOf: [...byValue].map(([value, matching]) => ({
      if: { properties: { [property]: { const: value } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
      then: matching.length === 1 ? matching[0] : { anyOf: matching },
    })),
  };
}
