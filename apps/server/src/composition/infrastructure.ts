import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createInjectFetch } from '@junction/connect-sandbox';
import Fastify from 'fastify';
import type { AppOptions } from '../app-options.ts';
import { installOriginGuard, LOOPBACK_HOST_NAMES } from '../auth/origin-guard.ts';
import { createConnectionFetch } from '../connect/connection-fetch.ts';
import { createGuardedFetch } from '../connect/egress-guard.ts';
import { createSandboxWebhookFetch } from '../connect/webhook-fetch.ts';
import { openDatabase } from '../db/open-database.ts';
import { installJsonBodyParser } from '../json-body.ts';
import { redactingLogger } from '../log-redaction.ts';
import { createRunMetrics } from '../metrics/run-metrics.ts';
import {
  createAccountRepository,
  ensureDefaultAccount,
} from '../repositories/account-repository.ts';
import { createConnectionRepository } from '../repositories/connection-repository.ts';
import { createDeploymentRepository } from '../repositories/deployment-repository.ts';
import { createEnvironmentRepository } from '../repositories/environment-repository.ts';
import { createListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import { createPinnedInputRepository } from '../repositories/pinned-input-repository.ts';
import { createProcessRepository } from '../repositories/process-repository.ts';
import { createRunDocumentRepository } from '../repositories/run-document-repository.ts';
import { createRunPauseRepository } from '../repositories/run-pause-repository.ts';
import { createRunRepository } from '../repositories/run-repository.ts';
import { createTokenRepository } from '../repositories/token-repository.ts';
import { createWebhookEventRepository } from '../repositories/webhook-event-repository.ts';
import { openRunQueue } from '../runs/queue/run-queue.ts';
import { createSecretBox, loadOrCreateKeyFile, parseSecretKey } from '../secrets/secret-box.ts';
import { installSecurityHeaders } from '../security-headers.ts';

const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4400';

export type Infrastructure = Awaited<ReturnType<typeof openInfrastructure>>;

function secretBoxFor(options: AppOptions) {
  if (options.secretKey) {
    return createSecretBox(parseSecretKey(options.secretKey));
  }
  // No data directory (tests): a key for this process only, nothing persists anyway.
  return createSecretBox(options.dataDir ? loadOrCreateKeyFile(options.dataDir) : randomBytes(32));
}

/** The Fastify instance with what every request goes through, before any route. */
function createHttpHost(options: AppOptions, publicUrl: string) {
  const http = Fastify({
    // Request lines carry the URL, and `?access_token=` with it.
    logger: redactingLogger(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Before any route or plugin, so every JSON body in the app goes through it.
  installJsonBodyParser(http);
  installSecurityHeaders(http);
  installOriginGuard(http, {
    allowedHosts: [
      ...LOOPBACK_HOST_NAMES,
      new URL(publicUrl).host,
      ...(options.allowedHosts ?? []),
    ],
  });
  return http;
}

/**
 * What the server stands on and that depends on nothing of its own: the database and
 * its repositories, the secret box, the job queue, metrics, the HTTP host (no routes
 * yet) and the fetch connections call Connect with. Services are built on this.
 */
export async function openInfrastructure(options: AppOptions) {
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    schema: options.databaseSchema,
    dataDir: options.dataDir,
  });
  await ensureDefaultAccount(db);
  const box = secretBoxFor(options);
  const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;
  const http = createHttpHost(options, publicUrl);
  const queue =
    options.runs === 'queue'
      ? await openRunQueue(db, http.log, {
          ...options.queue,
          takesRuns: options.queue?.worker !== false,
        })
      : undefined;
  // The built-in sandbox is answered by this same host, through inject; the routes it
  // needs exist by the time anything calls it.
  const inApp = createInjectFetch(http);
  const guarded = createGuardedFetch({ allow: options.egressAllow ?? [] });
  return {
    db,
    publicUrl,
    http,
    queue,
    metrics: createRunMetrics(queue),
    fetchFor: createConnectionFetch(inApp, guarded),
    // Webhook URLs come from anyone with the demo token: guarded, or this server's listeners.
    sandboxWebhookFetch: createSandboxWebhookFetch({ publicUrl, inApp, outside: guarded }),
    repositories: {
      connections: createConnectionRepository(db, box),
      listenerSecrets: createListenerSecretRepository(db, box),
      webhookEvents: createWebhookEventRepository(db),
      runs: createRunRepository(db),
      runDocuments: createRunDocumentRepository(db),
      runPauses: createRunPauseRepository(db),
      accounts: createAccountRepository(db),
      tokens: createTokenRepository(db),
      processes: createProcessRepository(db),
      deployments: createDeploymentRepository(db),
      environments: createEnvironmentRepository(db),
      pinnedInputs: createPinnedInputRepository(db),
    },
  };
}
