import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('server configuration', () => {
  it('listens on loopback by default and refuses another address without an access token', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(() => readConfig({ HOST: '0.0.0.0' })).toThrow(/JUNCTION_ACCESS_TOKEN/);
    const exposed = { HOST: '0.0.0.0', JUNCTION_ACCESS_TOKEN: 't' };
    expect(() => readConfig(exposed)).toThrow(/JUNCTION_ALLOWED_HOSTS/);
    const named = readConfig({
      ...exposed,
      JUNCTION_ALLOWED_HOSTS: 'junction.example.com, a.test',
    });
    expect(named.host).toBe('0.0.0.0');
    expect(named.allowedHosts).toEqual(['junction.example.com', 'a.test']);
  });

  it('reads Test mode limits, and stops on a value that is not a positive whole number', () => {
    expect(
      readConfig({ JUNCTION_TEST_MAX_DOCUMENTS: '500', JUNCTION_TEST_MAX_BYTES: '1048576' })
        .testLimits,
    ).toEqual({
      documentsPerInbound: 500,
      bytesPerRun: 1_048_576,
    });
    expect(readConfig({}).testLimits).toEqual({});
    expect(() => readConfig({ JUNCTION_TEST_MAX_DOCUMENTS: 'lots' })).toThrow(
      /JUNCTION_TEST_MAX_DOCUMENTS/,
    );
  });

  it('reads how many runs may execute and wait at once', () => {
    expect(
      readConfig({ JUNCTION_MAX_RUNS: '4', JUNCTION_MAX_QUEUED_RUNS: '20' }).runLimits,
    ).toEqual({ concurrentRuns: 4, queuedRuns: 20 });
    expect(readConfig({}).runLimits).toEqual({});
    expect(() => readConfig({ JUNCTION_MAX_QUEUED_RUNS: '-1' })).toThrow(
      /JUNCTION_MAX_QUEUED_RUNS/,
    );
  });

  it('reads the engine threads and their heap, and refuses a heap that is not a positive whole number', () => {
    expect(
      readConfig({ JUNCTION_RUN_THREADS: '3', JUNCTION_RUN_THREAD_MEMORY_MB: '512' }).runThreads,
    ).toEqual({ threads: 3, memoryMb: 512 });
    expect(readConfig({}).runThreads).toEqual({});
    expect(() => readConfig({ JUNCTION_RUN_THREAD_MEMORY_MB: '1.5' })).toThrow(
      /JUNCTION_RUN_THREAD_MEMORY_MB/,
    );
  });

  it('reads how many days finished runs are kept', () => {
    expect(readConfig({}).runRetentionDays).toBeUndefined();
    expect(readConfig({ JUNCTION_RUN_RETENTION_DAYS: '7' }).runRetentionDays).toBe(7);
    expect(() => readConfig({ JUNCTION_RUN_RETENTION_DAYS: '0' })).toThrow(
      /JUNCTION_RUN_RETENTION_DAYS/,
    );
  });

  it('reads the private hosts and ranges connections may call; none by default', () => {
    expect(readConfig({}).egressAllow).toEqual([]);
    expect(
      readConfig({ JUNCTION_EGRESS_ALLOW: ' connect.internal, 10.0.0.0/8 ,,127.0.0.1' })
        .egressAllow,
    ).toEqual(['connect.internal', '10.0.0.0/8', '127.0.0.1']);
  });

  it('runs in process by default, through the queue with JUNCTION_RUNS=queue, and refuses anything else', () => {
    expect(readConfig({}).runs).toBe('in-process');
    expect(readConfig({ JUNCTION_RUNS: 'queue' })).toMatchObject({
      runs: 'queue',
      serverWorker: true,
    });
    expect(readConfig({ JUNCTION_SERVER_WORKER: 'off' }).serverWorker).toBe(false);
    expect(() => readConfig({ JUNCTION_RUNS: 'workers' })).toThrow(/JUNCTION_RUNS/);
  });
});
