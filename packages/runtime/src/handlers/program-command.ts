import { execFile } from 'node:child_process';
import { processError } from '../halt.ts';
import { onDefaultPort } from '../single-port.ts';
import type { ProgramCommandPolicy, ShapeHandler } from '../types.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;
const MAX_LOGGED_CHARS = 10_000;

interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

function runCommand(
  command: string,
  args: readonly string[],
  policy: ProgramCommandPolicy,
  signal: AbortSignal,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    // execFile never starts a shell, so arguments reach the program exactly as written.
    execFile(
      command,
      [...args],
      {
        timeout: policy.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: MAX_OUTPUT_BYTES,
        signal,
        windowsHide: true,
        ...(policy.cwd === undefined ? {} : { cwd: policy.cwd }),
        // Only PATH: the runtime's own environment (tokens, keys) stays out of reach.
        env: { PATH: process.env['PATH'] ?? '' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const result: CommandResult = { code, stdout: String(stdout), stderr: String(stderr) };
        if (error && (error.killed || typeof error.code !== 'number')) {
          result.error = error.killed ? 'timed out or was stopped' : error.message;
        }
        resolve(result);
      },
    );
  });
}

/**
 * Program Command (§3.3, System Command): runs the program once for the batch,
 * directly (no shell), with a timeout; documents pass through. Refused unless the
 * host's policy lists the exact command. A failing command (non-zero exit,
 * timeout) fails the batch's documents; stdout and stderr go to the shape's log.
 */
export const programCommandHandler: ShapeHandler<'program-command'> = {
  async run(shape, inputs, ctx) {
    const { command, args } = shape.config;
    const policy = ctx.programCommands;
    if (!policy?.allow.includes(command)) {
      throw processError(`Program Command "${command}" is not allowed on this runtime.`);
    }
    const result = await runCommand(command, args, policy, ctx.signal);
    if (ctx.signal.aborted) {
      throw processError('The run was cancelled.');
    }
    if (result.stdout !== '') {
      ctx.log('info', result.stdout.slice(0, MAX_LOGGED_CHARS));
    }
    if (result.stderr !== '') {
      ctx.log('warning', result.stderr.slice(0, MAX_LOGGED_CHARS));
    }
    if (result.error !== undefined || result.code !== 0) {
      const message = `Program Command "${command}" ${result.error ?? `exited with code ${result.code}`}.`;
      return onDefaultPort(
        [],
        inputs.map((document) => ({ document, message })),
      );
    }
    return onDefaultPort(inputs);
  },
};
