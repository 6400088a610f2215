import { describe, expect, it } from 'vitest';
import { missingParentNote } from './missing-parent.ts';

describe('missingParentNote', () => {
  it('says an execution keeps only tracked documents', () => {
    for (const executionType of [
      'exec_manual',
      'exec_sched',
      'exec_listener',
      'retry_manual',
    ] as const) {
      const note = missingParentNote({ executionType }, 'd4');
      expect(note).toContain('document d4');
      expect(note).toContain('executions keep only tracked documents');
    }
  });

  it('points a test run at its log, where refused documents are reported', () => {
    const note = missingParentNote({ executionType: 'test_manual' }, 'd9');
    expect(note).toContain('document d9');
    expect(note).toContain("run's log");
  });
});
