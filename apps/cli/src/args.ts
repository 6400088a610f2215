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

/** `junction worker`: executes queued runs until SIGTERM/SIGINT. */
export interface WorkerArgs {
  command: 'worker';
  concurrency: number;
  perAccount: number | undefined;
  graceMs: number | undefined;
  /** Serves Prometheus metrics at http://<host>:<port>/metrics when set. */
  metricsPort: number | undefined;
}

/** `--help`/`-h` or `--version` anywhere: print and exit 0, whatever else was given. */
export type InfoArgs = { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  junction validate <process.json> [--json]
  junction run <process.json> [--input docs.jsonl] [--connection sandbox|<url>]
               [--token-env VAR] [--output dir] [--json]
  junction worker [--concurrency N] [--per-account N] [--grace-ms MS] [--metrics-port N]
  junction --help | --version

Exit codes: 0 success, 1 run or validation failure, 2 usage error.
  --connection   sandbox (default: the built-in Connect sandbox) or a Connect API
                 URL such as https://api.connect.cloudblue.com/public/v1
  --token-env    the environment variable holding the API token (default
                 JUNCTION_CONNECT_TOKEN); tokens are never read from arguments
  --input        JSON Lines: each line becomes one start document
  --output       write each shape's output documents to <dir>/<shape>.jsonl
  worker         takes runs from the server's queue (DATABASE_URL, JUNCTION_SECRET_KEY,
                 JUNCTION_SERVER_URL for the built-in sandbox); --concurrency runs at
                 once (default 4), --per-account of them for one account (default all),
                 --grace-ms for running runs on SIGTERM before they end ABORTED,
                 --metrics-port serves /metrics (JUNCTION_METRICS_HOST, default 127.0.0.1)
Options take their value as "--input docs.jsonl" or "--input=docs.jsonl".`;

const OPTIONS = {
  json: { type: 'boolean' },
  input: { type: 'string' },
  connection: { type: 'string' },
  'token-env': { type: 'string' },
  output: { type: 'string' },
  concurrency: { type: 'string' },
  'per-account': { type: 'string' },
  'grace-ms': { type: 'string' },
  'metrics-port': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const RUN_ONLY = ['input', 'connection', 'token-env', 'output'] as const;
const WORKER_ONLY = ['concurrency', 'per-account', 'grace-ms', 'metrics-port'] as const;
const DEFAULT_WORKER_CONCURRENCY = 4;

function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--${name} takes a positive whole number, got "${text}".`);
  }
  return value;
}

function workerArgs(values: Record<string, unknown>, rest: readonly string[]): WorkerArgs {
  const extra = [...RUN_ONLY, 'json' as const].find((name) => values[name] !== undefined);
  if (extra) {
    throw new UsageError(`Unknown option --${extra} for "worker".`);
  }
  if (rest.length > 0) {
    throw new UsageError('"worker" takes no file.');
  }
  return {
    command: 'worker',
    concurrency:
      count('concurrency', values['concurrency'] as string | undefined) ??
      DEFAULT_WORKER_CONCURRENCY,
    perAccount: count('per-account', values['per-account'] as string | undefined),
    graceMs: count('grace-ms', values['grace-ms'] as string | undefined),
    metricsPort: count('metrics-port', values['metrics-port'] as string | undefined),
  };
}

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
export function parseArgs(argv: readonly string[]): RunArgs | ValidateArgs | WorkerArgs | InfoArgs {
  const { values, positionals } = parseLine(argv);
  if (values.help) {
    return { command: 'help' };
  }
  if (values.version) {
    return { command: 'version' };
  }
  const [command, ...files] = positionals;
  if (command === 'worker') {
    return workerArgs(values, files);
  }
  const workerOnly = WORKER_ONLY.find((name) => values[name] !== undefined);
  if (workerOnly) {
    throw new UsageError(`Unknown option --${workerOnly} for "${command}".`);
  }
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
