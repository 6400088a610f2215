import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

describe('route', () => {
  //   start ─▶ route ─PR-*──▶ pr
  //                 ├─TA-*──▶ ta
  //                 └default▶ other
  it('takes the first matching key in order, Default last', async () => {
    const route: Shape = {
      kind: 'route',
      label: '',
      config: {
        value: { type: 'profile-element', path: 'id' },
        operator: 'wildcard',
        keys: ['PR-*', 'TA-*'],
      },
    };
    const process = buildProcess(
      { start: PASSTHROUGH_START, route, pr: sink(), ta: sink(), other: sink() },
      [
        ['start', 'default', 'route'],
        ['route', 'default', 'other'],
        ['route', 'TA-*', 'ta'],
        ['route', 'PR-*', 'pr'],
      ],
    );
    const run = await runTest(process, {
      startDocuments: docs('{"id":"TA-1"}', '{"id":"PR-2"}', '{"id":"X"}'),
    });
    expect(run.order).toEqual(['start', 'route', 'pr', 'ta', 'other']);
    expect(run.dataAt('pr')).toEqual(['{"id":"PR-2"}']);
    expect(run.dataAt('ta')).toEqual(['{"id":"TA-1"}']);
    expect(run.dataAt('other')).toEqual(['{"id":"X"}']);
  });

  it('matches (a+)+b keys without backtracking', { timeout: 5_000 }, async () => {
    const route: Shape = {
      kind: 'route',
      label: '',
      config: {
        value: { type: 'profile-element', path: 'id' },
        operator: 'regex',
        keys: ['(a+)+b'],
      },
    };
    const process = buildProcess({ start: PASSTHROUGH_START, route, hit: sink(), other: sink() }, [
      ['start', 'default', 'route'],
      ['route', '(a+)+b', 'hit'],
      ['route', 'default', 'other'],
    ]);
    const slow = JSON.stringify({ id: `${'a'.repeat(5_000)}c` });
    const started = performance.now();
    const run = await runTest(process, { startDocuments: docs(slow, '{"id":"aab"}') });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(run.dataAt('hit')).toEqual(['{"id":"aab"}']);
    expect(run.dataAt('other')).toEqual([slow]);
  });
});
