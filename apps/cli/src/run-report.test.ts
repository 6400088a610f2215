import type { RunOutcome, ShapeStats } from '@junction/runtime';
import { listRequestsProcess } from '@junction/runtime/testing';
import { describe, expect, it } from 'vitest';
import { progressReporter, summaryLines } from './run-report.ts';

const stats = (over: Partial<ShapeStats> = {}): ShapeStats => ({
  status: 'done',
  documentsIn: 3,
  documentsOut: 3,
  documentsInError: 0,
  elapsedMs: 1.5,
  ...over,
});

describe('junction run output', () => {
  it('names the failing shape and its error under its counts, then the status', () => {
    const process = listRequestsProcess();
    const outcome = {
      status: 'error',
      error: 'Some documents failed.',
      shapes: {
        start: stats(),
        list: stats({ status: 'error', documentsInError: 3, message: 'Connect answered 400' }),
      },
    } as unknown as RunOutcome;
    const lines = summaryLines(process, outcome);
    expect(lines[1]).toMatch(/^list\s+3 in\s+3 out\s+3 in error/);
    expect(lines[2]).toBe('  list failed: Connect answered 400');
    expect(lines.at(-1)).toBe('ERROR: Some documents failed.');
  });

  it('stays quiet for two seconds, then reports at most once a second', () => {
    let clock = 0;
    const printed: string[] = [];
    const report = progressReporter(
      listRequestsProcess(),
      (l) => printed.push(l),
      () => clock,
    );
    for (clock = 0; clock <= 4_500; clock += 250) {
      report('list', stats({ documentsOut: clock }));
    }
    expect(printed).toEqual([
      'junction: 2.0 s, list: 3 in, 2000 out, 0 in error',
      'junction: 3.0 s, list: 3 in, 3000 out, 0 in error',
      'junction: 4.0 s, list: 3 in, 4000 out, 0 in error',
    ]);
  });
});
