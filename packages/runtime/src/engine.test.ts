import { describe, expect, it } from 'vitest';
import { executeProcess } from './engine.ts';
import {
  buildProcess,
  docs,
  LIST_REQUESTS,
  memoryGateway,
  PASSTHROUGH_START,
  runTest,
  sink,
} from './test-support.ts';
import type { ConnectorGateway, Shape } from './types.ts';

const setDdp = (name: string, value: string): Shape => ({
  kind: 'set-properties',
  label: '',
  config: {
    properties: [{ target: 'dynamic-document', name, parts: [{ type: 'static', value }] }],
  },
});

describe('engine', () => {
  //   start ─▶ branch ─1─▶ a ─▶ s1
  //                  └─2─▶ b ─▶ s2
  it('runs path 1 to completion before path 2 (depth first)', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        branch: { kind: 'branch', label: '', config: { count: 2 } },
        a: setDdp('x', 'a'),
        b: setDdp('x', 'b'),
        s1: sink(),
        s2: sink(),
      },
      [
        ['start', 'default', 'branch'],
        ['branch', '1', 'a'],
        ['a', 'default', 's1'],
        ['branch', '2', 'b'],
        ['b', 'default', 's2'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('one') });
    expect(run.order).toEqual(['start', 'branch', 'a', 's1', 'b', 's2']);
    expect(run.outcome.status).toBe('complete');
  });

  //   start ─▶ list (a slow connector) ─▶ end
  it('times each shape’s own work, not the paths after it', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        list: LIST_REQUESTS,
        end: sink(),
      },
      [
        ['start', 'default', 'list'],
        ['list', 'default', 'end'],
      ],
    );
    const slow: ConnectorGateway = {
      execute: async () => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return [{ id: 'PR-1' }];
      },
    };
    const { outcome } = await runTest(process, { startDocuments: docs('{}'), connectors: slow });
    const list = outcome.shapes['list']?.elapsedMs ?? 0;
    expect(list).toBeGreaterThanOrEqual(50);
    // Start handed its documents on quickly; the connector's wait is not Start's time.
    expect(outcome.shapes['start']?.elapsedMs).toBeLessThan(list);
    expect(outcome.shapes['end']?.elapsedMs).toBeLessThan(list);
  });

  it('gives every run an execution id and a run log', async () => {
    const process = buildProcess({}, []);
    const outcome = await executeProcess(process, {
      connectors: memoryGateway(),
      executionId: 'ex-1',
    });
    expect(outcome.executionId).toBe('ex-1');
    expect(outcome.log).toEqual([]);
  });

  it('reports a cancelled run as aborted and runs nothing after the signal', async () => {
    const controller = new AbortController();
    const process = buildProcess({ start: PASSTHROUGH_START, a: setDdp('x', '1'), s: sink() }, [
      ['start', 'default', 'a'],
      ['a', 'default', 's'],
    ]);
    const run = await runTest(process, {
      startDocuments: docs('x'),
      signal: controller.signal,
      listener: {},
    });
    expect(run.outcome.status).toBe('complete');
    controller.abort();
    const cancelled = await runTest(process, {
      startDocuments: docs('x'),
      signal: controller.signal,
    });
    expect(cancelled.outcome.status).toBe('aborted');
    expect(cancelled.order).toEqual([]);
  });

  it('fails with a process error when there is no start shape', async () => {
    const process = { ...buildProcess({}, []), shapes: {} };
    const outcome = await executeProcess(process, { connectors: memoryGateway() });
    expect(outcome).toMatchObject({ status: 'error', error: 'The process has no Start shape.' });
  });
});
