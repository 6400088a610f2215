import { isObject } from './json.ts';
import { Random } from './random.ts';
import type { SandboxState } from './store/state.ts';

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

/** A rule as listed by the admin endpoint, with its counters. */
export interface FaultRuleStatus extends FaultRule {
  /** Requests the rule matched so far. */
  matched: number;
  /** Faults it injected so far (steps other than `ok`). */
  injected: number;
}

/** The fault chosen for one request. */
export interface FaultDecision {
  step: Exclude<FaultStep, 'ok'>;
  rule: FaultRule;
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  position: number;
  matched: number;
  injected: number;
}

/** Default seed of the fault PRNG. */
export const DEFAULT_FAULT_SEED = 1;

/** The live fault configuration of one sandbox; shared by the API plugin and the admin plugin. */
export class SandboxFaults {
  private rules: ActiveRule[] = [];
  private random = new Random(DEFAULT_FAULT_SEED);

  constructor(settings?: FaultSettings | readonly FaultRule[]) {
    if (settings !== undefined) {
      this.set(settings);
    }
  }

  /** Replaces all rules (validated; throws `TypeError` with a readable message) and reseeds. */
  set(settings: FaultSettings | readonly FaultRule[]): void {
    const { rules, seed } = Array.isArray(settings)
      ? { rules: settings as readonly FaultRule[], seed: undefined }
      : (settings as FaultSettings);
    const parsed = rules.map((rule, index) => parseFaultRule(rule, `rules[${index}]`));
    this.rules = parsed.map(activate);
    this.random = new Random(seed ?? DEFAULT_FAULT_SEED);
  }

  /** Appends one rule (validated). */
  add(rule: unknown): FaultRule {
    const parsed = parseFaultRule(rule, 'rule');
    this.rules.push(activate(parsed));
    return parsed;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules with their counters. */
  list(): FaultRuleStatus[] {
    return this.rules.map((r) => ({ ...r.rule, matched: r.matched, injected: r.injected }));
  }

  /**
   * Decides the fault for a request. Matching rules are tried in order; the
   * first that yields a step other than `ok` wins, later ones are not consulted.
   */
  decide(method: string, path: string): FaultDecision | undefined {
    const clean = normalisePath(path);
    for (const active of this.rules) {
      const { rule } = active;
      if (!methodMatches(rule.method, method) || !active.pattern.test(clean)) {
        continue;
      }
      active.matched += 1;
      const step = this.step(active);
      if (step !== 'ok') {
        active.injected += 1;
        return { step, rule };
      }
    }
    return undefined;
  }

  private step(active: ActiveRule): FaultStep {
    const { rule } = active;
    if (rule.sequence !== undefined) {
      if (active.position >= rule.sequence.length) {
        if (!rule.repeat || rule.sequence.length === 0) {
          return 'ok';
        }
        active.position = 0;
      }
      const step = rule.sequence[active.position] ?? 'ok';
      active.position += 1;
      return step;
    }
    const rate = rule.rate ?? 1;
    return this.random.next() < rate ? (rule.fault ?? 'ok') : 'ok';
  }
}

const registry = new WeakMap<SandboxState, SandboxFaults>();

/** The fault configuration attached to a state (created empty on first use). */
export function sandboxFaults(state: SandboxState): SandboxFaults {
  let faults = registry.get(state);
  if (faults === undefined) {
    faults = new SandboxFaults();
    registry.set(state, faults);
  }
  return faults;
}

function activate(rule: FaultRule): ActiveRule {
  return { rule, pattern: compilePattern(rule.path), position: 0, matched: 0, injected: 0 };
}

function normalisePath(path: string): string {
  const bare = path.split('?')[0] ?? '';
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}

function methodMatches(wanted: string | undefined, method: string): boolean {
  return wanted === undefined || wanted === '*' || wanted.toUpperCase() === method.toUpperCase();
}

/** `/requests/*` → `^/requests/[^/]*$`; `**` matches across segments. */
export function compilePattern(path: string): RegExp {
  const source = normalisePath(path)
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
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
