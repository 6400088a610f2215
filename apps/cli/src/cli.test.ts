import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeProcess } from '@junction/process-model';
import { listRequestsProcess } from '@junction/runtime/testing';
import { afterAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Runs the command from a directory outside the checkout, as a user's pipeline would. */
function junction(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [main, ...args],
      { cwd: tmpdir(), env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the junction CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'junction-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'list-requests.json');
  writeFileSync(file, serializeProcess(listRequestsProcess()));

  it('validates a process file: 0 when valid, 1 with the problems and their places', async () => {
    expect(await junction(['validate', file])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('valid'),
    });
    const broken = join(dir, 'broken.json');
    const doc = listRequestsProcess();
    const list = doc.shapes['list'];
    if (list?.kind !== 'connector') {
      throw new Error('unreachable');
    }
    const withoutObject = { ...list, config: { ...list.config, object: '' } };
    writeFileSync(
      broken,
      serializeProcess({ ...doc, shapes: { ...doc.shapes, list: withoutObject } }),
    );
    const result = await junction(['validate', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('#/shapes/list/config/object');
  });

  it('validate reports a shape id written twice and a file nested too deep, located', async () => {
    const doubled = join(dir, 'doubled.json');
    writeFileSync(
      doubled,
      serializeProcess(listRequestsProcess()).replace(
        '"shapes": {',
        '"shapes": {\n    "list": { "kind": "stop", "label": "", "config": { "endAndReturn": false } },',
      ),
    );
    const result = await junction(['validate', doubled]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /#\/shapes\/list: error: Duplicate key "list" at line \d+, column 5: .*\(json\.duplicate-key\)/,
    );
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"shapes":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    const tooDeep = await junction(['validate', deep]);
    expect(tooDeep.code).toBe(1);
    expect(tooDeep.stderr).toContain('Nested deeper than 512 levels at line 1, column 522');
  });

  it('runs a process against the built-in sandbox and writes each shape’s documents', async () => {
    const output = join(dir, 'out');
    const result = await junction(['run', file, '--output', output, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.status).toBe('complete');
    const listed = summary.shapes.list.documentsOut;
    expect(listed).toBeGreaterThan(100);
    const lines = readFileSync(join(output, 'list.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(listed);
    expect(JSON.parse(JSON.parse(lines[0]!).data).id).toMatch(/^PR-/);
  }, 60_000);

  it('prints a summary line per shape with its counts and time, then the status', async () => {
    const result = await junction(['run', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^list\s+1 in\s+\d+ out\s+0 in error\s+\d+\.\d ms$/m);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('COMPLETE');
  }, 60_000);

  it('feeds JSON Lines input to Start', async () => {
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, '{"a":1}\n{"a":2}\n');
    const passthrough = join(dir, 'passthrough.json');
    const doc = listRequestsProcess();
    const { list: _list, ...shapes } = doc.shapes;
    writeFileSync(
      passthrough,
      serializeProcess({
        ...doc,
        shapes,
        layout: { start: doc.layout['start']!, stop: doc.layout['stop']! },
        connections: [
          { id: 'c1', from: { shape: 'start', port: 'default' }, to: { shape: 'stop' } },
        ],
      }),
    );
    const result = await junction(['run', passthrough, '--input', input, '--json']);
    expect(JSON.parse(result.stdout).shapes.stop.documentsIn).toBe(2);
  }, 60_000);

  it('prints its usage for --help and -h and its version for --version, exiting 0', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await junction([flag]);
      expect(help, flag).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage:') });
    }
    expect(await junction(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('answers usage errors with exit code 2 and never takes a token from the command line', async () => {
    expect((await junction(['frobnicate'])).code).toBe(2);
    expect((await junction(['run'])).code).toBe(2);
    const live = await junction(
      ['run', file, '--connection', 'https://api.connect.cloudblue.com/public/v1'],
      {
        JUNCTION_CONNECT_TOKEN: '',
      },
    );
    expect(live.code).toBe(2);
    expect(live.stderr).toContain('JUNCTION_CONNECT_TOKEN');
  });
});
