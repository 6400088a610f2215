#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import {
  parseArgs,
  type RunArgs,
  USAGE,
  UsageError,
  type ValidateArgs,
  type WorkerArgs,
} from './args.ts';
import type { Output } from './commands.ts';

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/**
 * The engine and its script sandbox load only for a command that needs them, so
 * --help and usage errors answer at once.
 */
async function perform(args: RunArgs | ValidateArgs | WorkerArgs, io: Output): Promise<number> {
  if (args.command === 'worker') {
    const { workerCommand } = await import('./worker-command.ts');
    return await workerCommand(args, io, process.env);
  }
  const { runCommand, validateCommand } = await import('./commands.ts');
  return args.command === 'validate'
    ? validateCommand(args, io)
    : await runCommand(args, io, process.env);
}

/** `junction` for pipelines: validate or run a process file; exit 0, 1 or 2. */
async function main(argv: string[]): Promise<number> {
  const io = {
    out: (line: string) => console.log(line),
    err: (line: string) => console.error(line),
  };
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (args.command === 'version') {
      io.out(version());
      return 0;
    }
    return await perform(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`junction: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`junction: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
