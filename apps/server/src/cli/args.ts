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

export const USAGE = `Usage:
  junction validate <process.json> [--json]
  junction run <process.json> [--input docs.jsonl] [--connection sandbox|<url>]
               [--token-env VAR] [--output dir] [--json]

Exit codes: 0 success, 1 run or validation failure, 2 usage error.
  --connection   sandbox (default: the built-in Connect sandbox) or a Connect API
                 URL such as https://api.connect.cloudblue.com/public/v1
  --token-env    the environment variable holding the API token (default
                 JUNCTION_CONNECT_TOKEN); tokens are never read from arguments
  --input        JSON Lines: each line becomes one start document
  --output       write each shape's output documents to <dir>/<shape>.jsonl`;

/** Parses the command line; throws UsageError with a message that says what is wrong. */
export function parseArgs(argv: readonly string[]): RunArgs | ValidateArgs {
  const [command, ...rest] = argv;
  if (command !== 'run' && command !== 'validate') {
    throw new UsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  }
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') {
      flags.set('json', true);
    } else if (arg.startsWith('--')) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`${arg} needs a value.`);
      }
      flags.set(arg.slice(2), value);
      i++;
    } else {
      positional.push(arg);
    }
  }
  const known =
    command === 'run' ? ['json', 'input', 'connection', 'token-env', 'output'] : ['json'];
  for (const name of flags.keys()) {
    if (!known.includes(name)) {
      throw new UsageError(`Unknown option --${name} for "${command}".`);
    }
  }
  if (positional.length !== 1) {
    throw new UsageError(`"${command}" takes one process file, got ${positional.length}.`);
  }
  const text = (name: string) => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const file = positional[0]!;
  if (command === 'validate') {
    return { command, file, json: flags.has('json') };
  }
  return {
    command,
    file,
    input: text('input'),
    connection: text('connection') ?? 'sandbox',
    tokenEnv: text('token-env') ?? 'JUNCTION_CONNECT_TOKEN',
    output: text('output'),
    json: flags.has('json'),
  };
}
