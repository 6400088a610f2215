import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { connectSandboxAdmin } from './admin.ts';
import { connectSandbox, SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState, DEFAULT_SCALE, DEFAULT_SEED } from './seed/create-state.ts';

/** Where the standalone sandbox serves the API (Connect's own path). */
export const STANDALONE_PREFIX = '/public/v1';
/** Where it serves the admin endpoints (the same path as in the Junction server). */
export const STANDALONE_ADMIN_PREFIX = '/sandbox/admin';

/** Parsed command-line options of the standalone sandbox. */
export interface StandaloneOptions {
  port: number;
  host: string;
  seed: number;
  scale: number;
}

/** Parses `--port N --seed N --scale N --host H`; port 0 picks a free port. */
export function parseStandaloneArgs(argv: readonly string[]): StandaloneOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      scale: { type: 'string', default: String(DEFAULT_SCALE) },
    },
    strict: true,
  });
  const number = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`--${name} must be a non-negative integer, got "${text}".`);
    }
    return value;
  };
  return {
    port: number('port', values.port),
    host: values.host,
    seed: number('seed', values.seed),
    scale: number('scale', values.scale),
  };
}

/** Starts the sandbox on its own Fastify server; resolves with the base URL and a close function. */
export async function startStandalone(
  options: StandaloneOptions,
  /** Runs on the app before the plugins register (tests add hooks here). */
  setup?: (app: FastifyInstance) => void,
): Promise<{ baseUrl: string; adminUrl: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  setup?.(app);
  const state = createSandboxState({ seed: options.seed, scale: options.scale });
  await app.register(connectSandbox, { prefix: STANDALONE_PREFIX, state });
  await app.register(connectSandboxAdmin, { prefix: STANDALONE_ADMIN_PREFIX, state });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    baseUrl: `http://${options.host}:${port}${STANDALONE_PREFIX}`,
    adminUrl: `http://${options.host}:${port}${STANDALONE_ADMIN_PREFIX}`,
    close: () => app.close(),
  };
}

async function main(): Promise<void> {
  const options = parseStandaloneArgs(process.argv.slice(2));
  const { baseUrl, adminUrl, close } = await startStandalone(options);
  console.log(`Connect sandbox listening on ${baseUrl} (admin: ${adminUrl})`);
  console.log(`Authorization: ${SANDBOX_DEMO_TOKEN}`);
  console.log(`seed=${options.seed} scale=${options.scale}`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    console.log(`${signal} received, closing.`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// Only run when executed directly (node src/standalone.ts), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
