import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateProcess } from '../migrate.ts';
import { parseProcess, serializeProcess } from '../serialize.ts';
import { validateProcess } from '../validation/validate.ts';
import { parameterValue, validProcess } from './arbitraries.ts';
import { depthOf, MAX_MUTATED_DEPTH, type Mutation, mutate, mutation } from './mutations.ts';

// Seeds and run counts come from fast-check's defaults; a failure prints its seed and path.
const RUNS = { numRuns: 200 };

describe('valid processes (built with the pure operations)', () => {
  it('survive serialize → parse → migrate unchanged', () => {
    fc.assert(
      fc.property(validProcess, (doc) => {
        const parsed = parseProcess(serializeProcess(doc));
        expect(parsed).toEqual({ ok: true, document: doc });
        expect(migrateProcess(doc)).toEqual({ ok: true, value: doc });
        // Printing twice gives the same bytes: the format is canonical.
        if (parsed.ok) {
          expect(serializeProcess(parsed.document)).toBe(serializeProcess(doc));
        }
      }),
      RUNS,
    );
  });

  it('are structurally valid, whatever their semantic issues', () => {
    fc.assert(
      fc.property(validProcess, (doc) => {
        const structural = validateProcess(doc).filter((i) => i.code.startsWith('schema.'));
        expect(structural).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keep every parameter value kind through a round trip', () => {
    fc.assert(
      fc.property(parameterValue, (value) => {
        expect(JSON.parse(JSON.stringify(value))).toEqual(value);
      }),
    );
  });
});

/** Neither call may throw; both answer with issues (or a document). */
function mustAnswer(value: unknown): void {
  const issues = validateProcess(value);
  expect(Array.isArray(issues)).toBe(true);
  for (const issue of issues) {
    expect(typeof issue.pointer).toBe('string');
    expect(['error', 'warning']).toContain(issue.severity);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // Too deep for JSON.stringify: only the object path applies.
  }
  if (text !== undefined) {
    const parsed = parseProcess(text);
    if (parsed.ok) {
      expect(() => validateProcess(parsed.document)).not.toThrow();
      expect(() => serializeProcess(parsed.document)).not.toThrow();
    } else {
      expect(parsed.issues.length).toBeGreaterThan(0);
    }
  }
}

describe('damaged files never make validateProcess or parseProcess throw', () => {
  // A correctness property, not a speed: 400 runs may take a while on a loaded machine.
  it('random mutations of valid files', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(validProcess, fc.array(mutation, { minLength: 1, maxLength: 4 }), (doc, ms) => {
        mustAnswer(ms.reduce<unknown>((value, m) => mutate(value, m), doc));
      }),
      { numRuns: 400 },
    );
  });

  it('a deep branch duplicated into itself (a chain CI once drew)', () => {
    const doc = {
      schemaVersion: 1,
      id: 'p',
      name: ' ',
      description: '',
      options: { allowSimultaneousExecutions: false, captureRunDates: true },
      shapes: { start: { kind: 'start', label: '', config: { mode: 'no-data' } } },
      connections: [],
      layout: { start: { x: 80, y: 160 } },
      notes: [],
    };
    const chain: Mutation[] = [
      { kind: 'deep', at: 0, depth: 817 },
      { kind: 'duplicate', at: 41754750, to: 0 },
      { kind: 'dangling', at: 0, name: '' },
    ];
    const damaged = chain.reduce<unknown>((value, m) => mutate(value, m), doc);
    // Unbounded, the copy nests 1,600 deep and overflows structuredClone's stack in CI.
    expect(depthOf(damaged)).toBeLessThanOrEqual(MAX_MUTATED_DEPTH);
    mustAnswer(damaged);
  });

  it('random JSON values and text', () => {
    fc.assert(fc.property(fc.jsonValue(), mustAnswer), RUNS);
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(Array.isArray(validateProcess(v))).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parseProcess(text)).not.toThrow();
      }),
      RUNS,
    );
  });
});
