import { isObject } from './json.ts';

/**
 * What a fault rule does to one matching request: pass (`ok`), answer 429
 * (with `Retry-After`), 500 or 503, add latency, hold the response past the
 * client's timeout, drop the connection, or send a truncated JSON body.
 */
export type FaultStep = 'ok' | 429 | 500 | 503 | 'latency' | 'timeout' | 'drop' | 'malformed-json';

export const FAULT_STEPS: readonly FaultStep[] = [
  'ok',
  429,
  500,
  503,
  'latency',
  'timeout',
  'drop',
  'malformed-json',
];

/**
 * One fault rule. Either `fault` (applied to a `rate` share of matching
 * requests, decided by the seeded PRNG) or `sequence` (consumed one step per
 * matching request: `[503, 503, 'ok']`; after the last step the rule passes,
 * or starts over with `repeat`).
 */
export interface FaultRule {
  /** Path after the API prefix; `*` = any characters but `/`, `**` = anything. Query ignored. */
  path: string;
  /** HTTP method to match (any when absent or `*`). */
  method?: string;
  fault?: FaultStep;
  /** Share of matching requests that get `fault` (0..1, default 1). */
  rate?: number;
  sequence?: FaultStep[];
  repeat?: boolean;
  /** `Retry-After` seconds of 429 (default 1) and, when given, of 503. */
  retryAfter?: number;
  /** Added delay of `latency` steps (default 200 ms). */
  latencyMs?: number;
  /** How long `timeout` steps hold the response before answering normally (default 30 s). */
  holdMs?: number;
}

/** Fault rules plus the seed of their PRNG (rates are reproducible). */
export interface FaultSettings {
  rules: FaultRule[];
  seed?: number;
}

function isStep(value: unknown): value is FaultStep {
  return (FAULT_STEPS as readonly unknown[]).includes(value);
}

function nonNegative(value: unknown, name: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name}: must be a non-negative number.`);
  }
  return value;
}

/** Validates one rule from JSON; messages are prefixed with the field, as Connect's are. */
export function parseFaultRule(value: unknown, name = 'rule'): FaultRule {
  if (!isObject(value)) {
    throw new TypeError(`${name}: must be an object.`);
  }
  const { path, method, fault, rate, sequence, repeat } = value;
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new TypeError(`${name}.path: must be a path starting with "/".`);
  }
  const rule: FaultRule = { path };
  if (method !== undefined) {
    if (typeof method !== 'string' || method === '') {
      throw new TypeError(`${name}.method: must be an HTTP method.`);
    }
    rule.method = method.toUpperCase();
  }
  if ((fault === undefined) === (sequence === undefined)) {
    throw new TypeError(`${name}: give exactly one of "fault" or "sequence".`);
  }
  const steps = `one of ${FAULT_STEPS.map((s) => JSON.stringify(s)).join(', ')}`;
  if (fault !== undefined) {
    if (!isStep(fault)) {
      throw new TypeError(`${name}.fault: must be ${steps}.`);
    }
    rule.fault = fault;
    const share = nonNegative(rate, `${name}.rate`);
    if (share !== undefined) {
      if (share > 1) {
        throw new TypeError(`${name}.rate: must be between 0 and 1.`);
      }
      rule.rate = share;
    }
  }
  if (sequence !== undefined) {
    if (!Array.isArray(sequence) || !sequence.every(isStep)) {
      throw new TypeError(`${name}.sequence: must be an array of ${steps}.`);
    }
    rule.sequence = [...sequence];
    if (repeat !== undefined) {
      if (typeof repeat !== 'boolean') {
        throw new TypeError(`${name}.repeat: must be a boolean.`);
      }
      rule.repeat = repeat;
    }
  }
  for (const key of ['retryAfter', 'latencyMs', 'holdMs'] as const) {
    const number = nonNegative(value[key], `${name}.${key}`);
    if (number !== undefined) {
      rule[key] = number;
    }
  }
  return rule;
}
