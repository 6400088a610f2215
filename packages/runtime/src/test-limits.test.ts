import { defaultConnectorConfig, defaultShape, type Shape } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { executeProcess } from './engine.ts';
import {
  buildProcess,
  docs,
  memoryGateway,
  PASSTHROUGH_START,
  runTest,
  sink,
} from './test-support.ts';

//  [start] -> [list] -> [end]
function listProcess(): ReturnType<typeof buildProcess> {
  const list = defaultShape('connector');
  const connector: Shape = {
    ...list,
    config: { ...list.config, connectionId: 'c', action: 'list', object: 'request' },
  } as Shape;
  return buildProcess({ start: PASSTHROUGH_START, list: connector, end: sink() }, [
    ['start', 'default', 'list'],
    ['list', 'default', 'end'],
  ]);
}

const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `PR-${i}` }));

describe('Test mode limits', () => {
  it('stops a test run whose inbound connector brings in more documents than allowed, and asks only for one past the limit', async () => {
    const gateway = memoryGateway((request) => records(Math.min(request.maxRecords ?? 50, 50)));
    const run = await runTest(listProcess(), {
      connectors: gateway,
      startDocuments: docs(''),
      testMode: true,
      testLimits: { documentsPerInbound: 10 },
    });
    expect(run.outcome.status).toBe('error');
    expect(run.outcome.error).toContain('Test mode stops at 10 documents');
    expect(gateway.calls[0]?.maxRecords).toBe(11);
  });

  it('stops at the call that passes the limit, not after every input has read its own', async () => {
    // Five inputs, 30 records each: the second call passes 50.
    const gateway = memoryGateway(() => records(30));
    const taken: number[] = [];
    const outcome = await executeProcess(listProcess(), {
      connectors: gateway,
      startDocuments: docs('', '', '', '', ''),
      testMode: true,
      testLimits: { documentsPerInbound: 50 },
      listener: {
        shapeEmitting: () => undefined,
        shapeWithdrawing: (_shape, withdrawn) => taken.push(withdrawn.length),
      },
    });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toContain('Test mode stops at 50 documents');
    expect(gateway.calls).toHaveLength(2);
    // The second call's records are made only up to one past the limit, and what the
    // two calls handed over early is taken back with the shape.
    expect(taken).toEqual([51]);
  });

  it('makes no more than one record past the limit from a gateway that returns them all', async () => {
    const list = defaultShape('connector');
    const query: Shape = {
      ...list,
      config: {
        ...defaultConnectorConfig('junction-platform'),
        connectionId: 'partner',
        object: 'process',
        action: 'query',
      },
    } as Shape;
    const process = buildProcess({ start: PASSTHROUGH_START, query, end: sink() }, [
      ['start', 'default', 'query'],
      ['query', 'default', 'end'],
    ]);
    let handedOver = 0;
    const outcome = await executeProcess(process, {
      connectors: memoryGateway(),
      platform: { execute: async () => records(50_000) },
      startDocuments: docs(''),
      testMode: true,
      testLimits: { documentsPerInbound: 10 },
      listener: {
        shapeEmitting: (_shape, _port, made) => {
          handedOver += made.length;
        },
        shapeWithdrawing: () => undefined,
      },
    });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toContain('Test mode stops at 10 documents');
    expect(handedOver).toBe(11);
  });

  it('applies no such limit outside Test mode', async () => {
    const gateway = memoryGateway(() => records(50));
    const run = await runTest(listProcess(), {
      connectors: gateway,
      startDocuments: docs(''),
      testLimits: { documentsPerInbound: 10 },
    });
    expect(run.outcome.status).toBe('complete');
    expect(run.outcome.shapes['end']?.documentsIn).toBe(50);
  });

  it('stops a test run that produces more bytes of documents than allowed', async () => {
    //  [start] -> [end]
    const process = buildProcess({ start: PASSTHROUGH_START, end: sink() }, [
      ['start', 'default', 'end'],
    ]);
    const big = 'x'.repeat(1024);
    const run = await runTest(process, {
      startDocuments: docs(big, big, big),
      testMode: true,
      testLimits: { bytesPerRun: 2 * 1024 },
    });
    expect(run.outcome.status).toBe('error');
    expect(run.outcome.error).toContain('JUNCTION_TEST_MAX_BYTES');
  });
});
