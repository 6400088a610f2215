import { readFileSync } from 'node:fs';
import { isObject, type JsonObject, type JsonValue } from '../json.ts';

/**
 * Real Connect response objects (cloudblue/connect-reports tests/fixtures,
 * Apache-2.0), copied into ./fixtures so the package works without ../shared.
 */
export type FixtureName =
  | 'account'
  | 'catalog'
  | 'executive-fulfillment-requests'
  | 'ff-request'
  | 'helpdesk'
  | 'ta-account'
  | 'ta-list'
  | 'tcr-request'
  | 'usage-records-response';

const cache = new Map<FixtureName, JsonValue>();

function load(name: FixtureName): JsonValue {
  let value = cache.get(name);
  if (value === undefined) {
    value = JSON.parse(
      readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'),
    ) as JsonValue;
    cache.set(name, value);
  }
  return value;
}

/** A fixture that is a single object (the first element for array fixtures); a fresh deep copy. */
export function fixtureObject(name: FixtureName): JsonObject {
  const value = load(name);
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) {
    throw new TypeError(`Fixture ${name} holds no object.`);
  }
  return structuredClone(first);
}

/** An array fixture as fresh deep copies. */
export function fixtureArray(name: FixtureName): JsonObject[] {
  const value = load(name);
  return (Array.isArray(value) ? value : [value])
    .filter(isObject)
    .map((obj) => structuredClone(obj));
}
