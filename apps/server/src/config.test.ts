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

  it('takes the public URL from JUNCTION_PUBLIC_URL, or the listening address with any-address read as loopback', () => {
    expect(readConfig({}).publicUrl).toBe('http://127.0.0.1:4400');
    expect(readConfig({ HOST: '::1', PORT: '8080' }).publicUrl).toBe('http://[::1]:8080');
    const exposed = { JUNCTION_ACCESS_TOKEN: 't', JUNCTION_ALLOWED_HOSTS: 'a.test' };
    expect(readConfig({ ...exposed, HOST: '0.0.0.0' }).publicUrl).toBe('http://127.0.0.1:4400');
    expect(readConfig({ ...exposed, HOST: '::', PORT: '81' }).publicUrl).toBe(
      'http://127.0.0.1:81',
    );
    expect(
      readConfig({
        ...exposed,
        HOST: '0.0.0.0',
        JUNCTION_PUBLIC_URL: 'https://Junction.Example.com/',
      }).publicUrl,
    ).toBe('https://junction.example.com');
    expect(readConfig({ JUNCTION_PUBLIC_URL: 'http://localhost:8443' }).publicUrl).toBe(
      'http://localhost:8443',
    );
    // The public URL names the host users reach it by, as JUNCTION_ALLOWED_HOSTS would.
    expect(
      readConfig({
        HOST: '0.0.0.0',
        JUNCTION_ACCESS_TOKEN: 't',
        JUNCTION_PUBLIC_URL: 'https://junction.example.com',
      }).allowedHosts,
    ).toEqual([]);
  });

  it.each([
    ['junction.example.com', 'it is not an absolute URL'],
    ['ftp://junction.example.com', 'ftp: is not http or https'],
    ['https://junction.example.com/app', 'it may have no path, query or fragment'],
    ['https://junction.example.com/?x=1', 'it may have no path, query or fragment'],
    ['https://junction.example.com#top', 'it may have no path, query or fragment'],
    ['https://admin:secret@junction.example.com', 'it may not carry a user name or password'],
    ['javascript:alert(1)', 'javascript: is not http or https'],
  ])('refuses JUNCTION_PUBLIC_URL=%s, saying why', (value, why) => {
    expect(() => readConfig({ JUNCTION_PUBLIC_URL: value })).toThrow(
      `JUNCTION_PUBLIC_URL must be the http(s) address users open Junction at, such as https://junction.example.com: ${why}, got "${value}".`,
    );
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

  it("reads how long a run may take, at most the queue's 24 hours", () => {
    expect(readConfig({}).maxRunMinutes).toBeUndefined();
    expect(readConfig({ JUNCTION_MAX_RUN_MINUTES: '90' }).maxRunMinutes).toBe(90);
    expect(() => readConfig({ JUNCTION_MAX_RUN_MINUTES: '1441' })).toThrow(
      'JUNCTION_MAX_RUN_MINUTES can be at most 1440 (24 hours), got 1441.',
    );
    expect(() => readConfig({ JUNCTION_MAX_RUN_MINUTES: '1.5' })).toThrow(
      /JUNCTION_MAX_RUN_MINUTES must be a positive whole number/,
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
