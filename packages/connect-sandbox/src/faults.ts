import {
  FAULT_STEPS,
  type FaultRule,
  type FaultSettings,
  type FaultStep,
  parseFaultRule,
} from './fault-rule.ts';
import { compilePathPattern, type PathPattern } from './path-pattern.ts';
import { Random } from './random.ts';
import type { SandboxState } from './store/state.ts';

export { FAULT_STEPS, type FaultRule, type FaultSettings, type FaultStep, parseFaultRule };

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
  pattern: PathPattern;
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

/** `/requests/*` matches one segment after `/requests/`; `**` matches across segments. */
export function compilePattern(path: string): PathPattern {
  return compilePathPattern(normalisePath(path));
}
