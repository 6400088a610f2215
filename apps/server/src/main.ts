import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { setPrivateUmask } from './db/data-dir.ts';

/** Process concerns only: configuration, listening, and a clean stop on Ctrl+C or SIGTERM. */
async function main(): Promise<void> {
  // Before anything is written: the database's files get no group or other access.
  setPrivateUmask();
  const config = readConfig(process.env);
  const { publicUrl } = config;
  const app = await buildApp({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    secretKey: config.secretKey,
    accessToken: config.accessToken,
    programCommands: config.programCommands,
    sandbox: { persist: config.persistSandbox },
    testLimits: config.testLimits,
    runLimits: config.runLimits,
    // A server started for use keeps its engine threads loaded (see run-threads.ts).
    runThreads: { ...config.runThreads, warm: true },
    runRetentionDays: config.runRetentionDays,
    maxRunMs: config.maxRunMinutes && config.maxRunMinutes * 60_000,
    pauseIdleMs: config.pauseIdleSeconds && config.pauseIdleSeconds * 1000,
    egressAllow: config.egressAllow,
    allowedHosts: config.allowedHosts,
    shutdownGraceMs: config.shutdownGraceMs,
    runs: config.runs,
    queue: {
      ...(config.runHeartbeatSeconds ? { heartbeatSeconds: config.runHeartbeatSeconds } : {}),
      ...(config.serverWorker ? {} : { worker: false as const }),
    },
    databaseSchema: config.databaseSchema,
    webDist: config.webDist ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    publicUrl,
    logger: {
      level: process.env['LOG_LEVEL'] ?? 'warn',
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.token'],
    },
  });
  await app.listen({ host: config.host, port: config.port });
  console.log(`Junction is running at ${publicUrl}`);
  console.log(
    config.databaseUrl
      ? 'Storage: PostgreSQL (DATABASE_URL)'
      : `Storage: embedded PGlite in ${config.dataDir}`,
  );
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    console.log(`\n${signal}: stopping Junction (running runs get a grace period)...`);
    try {
      await app.shutdown();
      process.exit(0);
    } catch (error) {
      console.error('Junction did not stop cleanly:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
