import type { JsonSchemaProfile } from '../schema/profile.ts';
import { MAX_PROFILE_DEPTH } from '../schema/profile.ts';

// ISO 8601 date-times as Connect and most REST APIs write them (offset optional).
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Infers a profile from one sample record, e.g. a record fetched while importing an
 * operation: objects list every key (all `required`, since the sample has them),
 * arrays are described by their first item, ISO 8601 strings get `format`
 * `date-time` (or `date`), whole numbers are `integer`. Values nested deeper than
 * MAX_PROFILE_DEPTH, functions and other non-JSON values become untyped strings so
 * the result always passes validation.
 */
export function profileFromSample(sample: unknown): JsonSchemaProfile {
  return infer(sample, 0);
}

function infer(value: unknown, depth: number): JsonSchemaProfile {
  if (value === null) {
    return { type: 'null' };
  }
  if (typeof value === 'string') {
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
      return { type: 'string', format: 'date-time' };
    }
    if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) {
      return { type: 'string', format: 'date' };
    }
    return { type: 'string' };
  }
  if (typeof value === 'number') {
    return { type: Number.isInteger(value) ? 'integer' : 'number' };
  }
  if (typeof value === 'boolean') {
    return { type: 'boolean' };
  }
  if (depth >= MAX_PROFILE_DEPTH - 1) {
    return { type: 'string' };
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? { type: 'array' }
      : { type: 'array', items: infer(value[0], depth + 1) };
  }
  if (typeof value === 'object') {
    // A null-prototype record keeps keys such as `__proto__` as plain data.
    const properties: Record<string, JsonSchemaProfile> = Object.create(null);
    const keys = Object.keys(value).filter((k) => k.length <= 200);
    for (const key of keys) {
      properties[key] = infer((value as Record<string, unknown>)[key], depth + 1);
    }
    return keys.length === 0
      ? { type: 'object' }
      : { type: 'object', properties: { ...properties }, required: keys };
  }
  return { type: 'string' };
}
