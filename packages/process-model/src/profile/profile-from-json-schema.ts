import type { JsonSchemaProfile, ProfileType } from '../schema/profile.ts';
import { MAX_PROFILE_DEPTH } from '../schema/profile.ts';

const TYPES: readonly ProfileType[] = [
  'object',
  'array',
  'string',
  'number',
  'integer',
  'boolean',
  'null',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Narrows a full JSON Schema (e.g. from an OpenAPI document or an old text profile)
 * to the subset a profile keeps: keywords outside it are dropped, a type list keeps
 * its first non-null type, a schema with `properties` but no type is an object.
 * Null when `schema` does not look like a JSON Schema at all.
 */
export function profileFromJsonSchema(schema: unknown): JsonSchemaProfile | null {
  return narrow(schema, 0);
}

function narrowType(schema: Record<string, unknown>): ProfileType | undefined {
  const declared = own(schema, 'type');
  const list = Array.isArray(declared) ? declared : [declared];
  const type = list.find((t): t is ProfileType => TYPES.includes(t as ProfileType) && t !== 'null');
  if (type) {
    return type;
  }
  if (list.includes('null')) {
    return 'null';
  }
  if (isRecord(own(schema, 'properties'))) {
    return 'object';
  }
  return own(schema, 'items') === undefined ? undefined : 'array';
}

function narrow(schema: unknown, depth: number): JsonSchemaProfile | null {
  if (!isRecord(schema) || depth >= MAX_PROFILE_DEPTH) {
    return null;
  }
  const type = narrowType(schema);
  if (!type) {
    return null;
  }
  const profile: JsonSchemaProfile = { type };
  const description = own(schema, 'description');
  if (typeof description === 'string') {
    profile.description = description.slice(0, 2000);
  }
  const format = own(schema, 'format');
  if (typeof format === 'string' && format.length <= 100) {
    profile.format = format;
  }
  const properties = own(schema, 'properties');
  if (type === 'object' && isRecord(properties)) {
    const entries = Object.entries(properties)
      .filter(([key]) => key.length <= 200)
      .map(([key, value]) => [key, narrow(value, depth + 1) ?? { type: 'string' }] as const);
    profile.properties = Object.fromEntries(entries);
    const required = own(schema, 'required');
    if (Array.isArray(required)) {
      profile.required = required.filter(
        (r): r is string => typeof r === 'string' && Object.hasOwn(properties, r),
      );
    }
  }
  const items = own(schema, 'items');
  if (type === 'array' && items !== undefined) {
    const narrowed = narrow(items, depth + 1);
    if (narrowed) {
      profile.items = narrowed;
    }
  }
  return profile;
}
