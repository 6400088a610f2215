import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultDecision, SandboxFaults } from './faults.ts';

const DEFAULT_LATENCY_MS = 200;
const DEFAULT_HOLD_MS = 30_000;

/** Error bodies of injected faults (429 uses Django REST framework's throttle wording). */
function faultBody(status: 429 | 500 | 503, retryAfter: number): object {
  if (status === 429) {
    const unit = retryAfter === 1 ? 'second' : 'seconds';
    return {
      error_code: 'SYS_001',
      errors: [`Request was throttled. Expected available in ${retryAfter} ${unit}.`],
    };
  }
  return {
    error_code: 'SYS_001',
    errors: [status === 500 ? 'Internal server error.' : 'Service temporarily unavailable.'],
  };
}

/**
 * Applies a sandbox's fault rules to the routes of the plugin instance it is
 * called in (after the auth hook, so 401 still wins). Paths are matched after
 * the instance's prefix. Held responses (`timeout`, `latency`) are released
 * when the app closes.
 */
export function installFaults(app: FastifyInstance, faults: SandboxFaults): void {
  const prefix = app.prefix;
  const malformed = new WeakSet<FastifyRequest>();
  const holds = new Set<() => void>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        holds.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      timer.unref();
      holds.add(release);
    });

  // preClose: before the server waits for open connections to finish.
  app.addHook('preClose', async () => {
    for (const release of [...holds]) {
      release();
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.startsWith(prefix) ? request.url.slice(prefix.length) : request.url;
    const decision = faults.decide(request.method, path === '' ? '/' : path);
    if (decision === undefined) {
      return;
    }
    // Returning the reply tells Fastify the hook answered (or hijacked) it.
    return (await apply(decision, request, reply)) ? reply : undefined;
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    if (!malformed.has(request) || typeof payload !== 'string' || payload === '') {
      return payload;
    }
    // A body cut in the middle, as when a proxy drops the end of the response.
    return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  });

  async function apply(
    { step, rule }: FaultDecision,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<boolean> {
    switch (step) {
      case 429:
      case 500:
      case 503: {
        const retryAfter = rule.retryAfter ?? 1;
        if (step === 429 || rule.retryAfter !== undefined) {
          reply.header('retry-after', String(retryAfter));
        }
        reply.code(step).type('application/json').send(faultBody(step, retryAfter));
        return true;
      }
      case 'latency':
        await wait(rule.latencyMs ?? DEFAULT_LATENCY_MS);
        return false;
      case 'timeout':
        await wait(rule.holdMs ?? DEFAULT_HOLD_MS);
        return false;
      case 'malformed-json':
        malformed.add(request);
        return false;
      case 'drop': {
        reply.hijack();
        // `inject` has a mock socket without `destroy`; its response rejects on destroy.
        const socket: { destroy?: unknown } | undefined = request.raw.socket;
        if (typeof socket?.destroy === 'function') {
          request.raw.socket.destroy();
        }
        reply.raw.destroy();
        return true;
      }
    }
  }
}
