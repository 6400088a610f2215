import { parseArgs as parseNodeArgs } from 'node:util';

/** A usage error: exit code 2, with the message and the usage text. */
export class UsageError extends Error {}

export interface RunArgs {
  command: 'run';
  file: string;
  input: string | undefined;
  connection: string;
  tokenEnv: string;
  output: string | undefined;
  json: boolean;
}

export interface ValidateArgs {
  command: 'validate';
  file: string;
  json: boolean;
}

/** `--help`/`-h` or `--version` anywhere: print and exit 0, whatever else was given. */
export type InfoArgs = { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  junction validate <process.json> [--json]
  junction run <process.json> [--input docs.jsonl] [--connection sandbox|<url>]
               [--token-env VAR] [--output dir] [--json]
  junction --help | --version

Exit codes: 0 success, 1 run or validation failure, 2 usage error.
  --connection   sandbox (default: the built-in Connect sandbox) or a Connect API
                 URL such as https://api.connect.cloudblue.com/public/v1
  --token-env    the environment variable holding the API token (default
                 JUNCTION_CONNECT_TOKEN); tokens are never read from arguments
  --input        JSON Lines: each line becomes one start document
  --output       write each shape's output documents to <dir>/<shape>.jsonl
Options take their value as "--input docs.jsonl" or "--input=docs.jsonl".`;

const OPTIONS = {
  json: { type: 'boolean' },
  input: { type: 'string' },
  connection: { type: 'string' },
  'token-env': { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const RUN_ONLY = ['input', 'connection', 'token-env', 'output'] as const;

/** node:util's messages name the option; ours add what to do. */
function parseLine(argv: readonly string[]) {
  try {
    return parseNodeArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** Parses the command line; throws UsageError with a message that says what is wrong. */
export function parseArgs(argv: readonly string[]): RunArgs | ValidateArgs | InfoArgs {
  const { values, positionals } = parseLine(argv);
  if (values.help) {
    return { command: 'help' };
  }
  if (values.version) {
    return { command: 'version' };
  }
  const [command, ...files] = positionals;
  if (command !== 'run' && command !== 'validate') {
    throw new UsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  }
  if (command === 'validate') {
    const extra = RUN_ONLY.find((name) => values[name] !== undefined);
    if (extra) {
      throw new UsageError(`Unknown option --${extra} for "validate".`);
    }
  }
  if (files.length !== 1) {
    throw new UsageError(`"${command}" takes one process file, got ${files.length}.`);
  }
  const file = files[0]!;
  const json = values.json === true;
  if (command === 'validate') {
    return { command, file, json };
  }
  return {
    command,
    file,
    input: values.input,
    connection: values.connection ?? 'sandbox',
    tokenEnv: values['token-env'] ?? 'JUNCTION_CONNECT_TOKEN',
    output: values.output,
    json,
  };
}
