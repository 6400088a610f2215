import { describe, expect, it } from 'vitest';
import { createMemorySnapshotStore } from '../stores.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';

//   start ─▶ changes ─add──▶ add
//                   ├update▶ update
//                   └delete▶ delete
const process = buildProcess(
  {
    start: PASSTHROUGH_START,
    changes: { kind: 'find-changes', label: '', config: { cache: 'assets', keyPath: 'id' } },
    add: sink(),
    update: sink(),
    delete: sink(),
  },
  [
    ['start', 'default', 'changes'],
    ['changes', 'add', 'add'],
    ['changes', 'update', 'update'],
    ['changes', 'delete', 'delete'],
  ],
);

describe('find-changes', () => {
  it('sends everything to Add first, then Add → Update → Delete against the last successful run', async () => {
    const snapshots = createMemorySnapshotStore();
    const first = await runTest(process, {
      startDocuments: docs('[{"id":1,"v":"a"},{"id":2,"v":"b"}]'),
      snapshots,
    });
    expect(first.dataAt('add')).toEqual(['{"id":1,"v":"a"}', '{"id":2,"v":"b"}']);
    const second = await runTest(process, {
      startDocuments: docs('{"id":2,"v":"B"}', '{"id":3,"v":"c"}'),
      snapshots,
    });
    expect(second.order).toEqual(['start', 'changes', 'add', 'update', 'delete']);
    expect(second.dataAt('add')).toEqual(['{"id":3,"v":"c"}']);
    expect(second.dataAt('update')).toEqual(['{"id":2,"v":"B"}']);
    expect(second.dataAt('delete')).toEqual(['{"id":1,"v":"a"}']);
    const unchanged = await runTest(process, {
      startDocuments: docs('{"id":2,"v":"B"}', '{"id":3,"v":"c"}'),
      snapshots,
    });
    expect(unchanged.order).toEqual(['start', 'changes']);
  });

  it('keeps the old snapshot when the execution fails', async () => {
    const snapshots = createMemorySnapshotStore();
    await runTest(process, { startDocuments: docs('{"id":1}'), snapshots });
    const failed = await runTest(process, {
      startDocuments: docs('{"id":2}', '{"no":"key"}'),
      snapshots,
    });
    expect(failed.outcome.status).toBe('error');
    expect([...((await snapshots.load('p1', 'assets')) ?? new Map()).keys()]).toEqual(['1']);
  });
});
