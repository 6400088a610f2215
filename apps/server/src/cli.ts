#!/usr/bin/env node
import { parseArgs, USAGE, UsageError } from './cli/args.ts';
import { runCommand, validateCommand } from './cli/commands.ts';

/** `junction` for pipelines: validate or run a process file; exit 0, 1 or 2. */
async function main(argv: string[]): Promise<number> {
  const io = {
    out: (line: string) => console.log(line),
    err: (line: string) => console.error(line),
  };
  try {
    const args = parseArgs(argv);
    return args.command === 'validate'
      ? validateCommand(args, io)
      : await runCommand(args, io, process.env);
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
