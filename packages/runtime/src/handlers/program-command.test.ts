import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const node = process.execPath;
const command = (args: string[]): Shape => ({
  kind: 'program-command',
  label: '',
  config: { command: node, args },
});

//   start ─▶ cmd ─▶ end
function processWith(shape: Shape) {
  return buildProcess({ start: PASSTHROUGH_START, cmd: shape, end: sink() }, [
    ['start', 'default', 'cmd'],
    ['cmd', 'default', 'end'],
  ]);
}

describe('program-command', () => {
  it('is refused unless the runtime allows the command', async () => {
    const run = await runTest(processWith(command(['-e', '1'])), { startDocuments: docs('x') });
    expect(run.outcome.status).toBe('error');
    expect(run.outcome.error).toContain('is not allowed on this runtime');
  });

  it('runs an allowed command without a shell, logs its output and passes documents through', async () => {
    const run = await runTest(
      processWith(command(['-e', 'console.log(process.argv[1])', '$HOME; echo hi'])),
      {
        startDocuments: docs('x'),
        programCommands: { allow: [node] },
      },
    );
    expect(run.dataAt('end')).toEqual(['x']);
    expect(run.results.get('cmd')?.[0]?.logs?.[0]?.message).toBe('$HOME; echo hi\n');
  });

  it('fails the documents on a non-zero exit or a timeout', async () => {
    const exit = await runTest(processWith(command(['-e', 'process.exit(3)'])), {
      startDocuments: docs('x'),
      programCommands: { allow: [node] },
    });
    expect(exit.outcome.failedDocuments?.[0]?.message).toContain('exited with code 3');
    const slow = await runTest(processWith(command(['-e', 'setTimeout(() => {}, 10000)'])), {
      startDocuments: docs('x'),
      programCommands: { allow: [node], timeoutMs: 200 },
    });
    expect(slow.outcome.failedDocuments?.[0]?.message).toContain('timed out');
  });
});
