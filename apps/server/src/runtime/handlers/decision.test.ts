import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

describe('decision', () => {
  //   start ─▶ decision ─true─▶ t ─▶ tEnd
  //                    └false─▶ f
  it('runs every True document to completion before any False document', async () => {
    const decision: Shape = {
      kind: 'decision',
      label: '',
      config: {
        left: { type: 'profile-element', path: 'n' },
        operator: 'gt',
        right: { type: 'static', value: '5' },
      },
    };
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        decision,
        t: { kind: 'branch', label: '', config: { count: 2 } },
        tEnd: sink(),
        f: sink(),
      },
      [
        ['start', 'default', 'decision'],
        ['decision', 'true', 't'],
        ['t', '1', 'tEnd'],
        ['decision', 'false', 'f'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{"n":10}', '{"n":2}', '{"n":7}') });
    expect(run.order).toEqual(['start', 'decision', 't', 'tEnd', 'f']);
    expect(run.dataAt('tEnd')).toEqual(['{"n":10}', '{"n":7}']);
    expect(run.dataAt('f')).toEqual(['{"n":2}']);
  });

  it('fails only the document when the regex is invalid', async () => {
    const decision: Shape = {
      kind: 'decision',
      label: '',
      config: {
        left: { type: 'static', value: 'x' },
        operator: 'regex',
        right: { type: 'profile-element', path: 'p' },
      },
    };
    const process = buildProcess({ start: PASSTHROUGH_START, decision, t: sink(), f: sink() }, [
      ['start', 'default', 'decision'],
      ['decision', 'true', 't'],
      ['decision', 'false', 'f'],
    ]);
    const run = await runTest(process, { startDocuments: docs('{"p":"("}', '{"p":"x"}') });
    expect(run.dataAt('t')).toEqual(['{"p":"x"}']);
    expect(run.outcome.failedDocuments).toHaveLength(1);
  });

  it('answers a nested wildcard on a 3,000-character property at once', {
    timeout: 5_000,
  }, async () => {
    const decision: Shape = {
      kind: 'decision',
      label: '',
      config: {
        left: { type: 'document-property', name: 'text' },
        operator: 'wildcard',
        right: { type: 'static', value: '*a*a*a*a*a*a*a*a*a*a*b' },
      },
    };
    const process = buildProcess({ start: PASSTHROUGH_START, decision, t: sink(), f: sink() }, [
      ['start', 'default', 'decision'],
      ['decision', 'true', 't'],
      ['decision', 'false', 'f'],
    ]);
    const [plain, tailed] = docs('{"n":1}', '{"n":2}');
    const started = performance.now();
    const run = await runTest(process, {
      startDocuments: [
        { ...plain!, properties: { text: 'a'.repeat(3_000) } },
        { ...tailed!, properties: { text: `${'a'.repeat(3_000)}b` } },
      ],
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(run.dataAt('t')).toEqual(['{"n":2}']);
    expect(run.dataAt('f')).toEqual(['{"n":1}']);
  });
});
