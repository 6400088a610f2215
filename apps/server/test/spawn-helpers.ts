import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_MAIN = 'src/main.ts';
export const CLI_MAIN = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));

/** A port free on loopback right now. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Spawns `node <args>` in the server's folder and resolves once its stdout says `ready`. */
export async function spawnUntil(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        resolve();
      }
    });
    // The tail is enough to say why a child failed; a long-lived child's whole stderr is not kept.
    child.stderr?.on('data', (chunk: Buffer) => {
      output = `${output}${chunk.toString()}`.slice(-20_000);
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited (${code}): ${output}`)),
    );
  });
  return child;
}

/** Stops a child this test started, by its pid, if it still runs. */
export function killChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    process.kill(child.pid, signal);
  }
}
