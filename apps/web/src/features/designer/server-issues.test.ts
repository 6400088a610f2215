import type { ValidationIssue } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { withServerIssues } from './server-issues.ts';

const issue = (code: string, pointer: string): ValidationIssue => ({
  severity: 'error',
  code,
  pointer,
  message: `${code} at ${pointer}`,
});

describe('withServerIssues', () => {
  it('adds what only the server found, after the local issues', () => {
    const local = [issue('start.unconnected', '/shapes/start')];
    const server = [
      issue('start.unconnected', '/shapes/start'),
      issue('process-call.process-unknown', '/shapes/call/config/processId'),
    ];
    expect(withServerIssues(local, server)).toEqual([
      local[0],
      issue('process-call.process-unknown', '/shapes/call/config/processId'),
    ]);
  });

  it('keeps the local list itself when the server adds nothing, so React sees no change', () => {
    const local = [issue('a', '/x')];
    expect(withServerIssues(local, [issue('a', '/x')])).toBe(local);
    expect(withServerIssues(local, [])).toBe(local);
  });
});
