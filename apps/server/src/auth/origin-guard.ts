import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Names a loopback install answers to without configuration. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export interface OriginGuardOptions {
  /**
   * Host names (optionally `name:port`) requests may address; `*` accepts any.
   * A default install answers to loopback names only (JUNCTION_ALLOWED_HOSTS adds more).
   */
  allowedHosts: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Host: Example.COM.:8080` → `example.com:8080`; IPv6 keeps its brackets. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.(?=:\d+$|$)/, '');
}

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
}

/** Whether `host` (a Host header) is one of `allowed`: by name, or by name and port. */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) {
    return true;
  }
  if (!host) {
    return false;
  }
  const wanted = normaliseHost(host);
  const name = hostName(wanted);
  return allowed.some((entry) => {
    const item = normaliseHost(entry);
    return item === wanted || item === name;
  });
}

/**
 * Why a state-changing request looks cross-site, or undefined when it does not.
 * Browsers send Sec-Fetch-Site (modern) or Origin (older ones); clients that send neither (curl, the CLI, servers) are not browsers
 * and cannot be driven by a foreign page.
 */
export function crossSiteReason(request: FastifyRequest): string | undefined {
  if (SAFE_METHODS.has(request.method)) {
    return undefined;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return `a ${site} page may not ${request.method} here`;
  }
  // A browser that sends Fetch-Metadata has said where the request comes from, and a
  // page cannot forge it; Origin is only the fallback (a dev proxy rewrites Host, so
  // Origin and Host differ there even for same-origin requests).
  if (site === 'same-origin' || site === 'none') {
    return undefined;
  }
  const origin = request.headers.origin;
  if (origin === undefined) {
    return undefined;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `the request's Origin "${origin}" is not this server`;
  }
  const host = request.headers.host;
  if (!host || normaliseHost(originHost) !== normaliseHost(host)) {
    return `the request's Origin ${origin} is not this server`;
  }
  return undefined;
}

/**
 * Two browser attacks on a server that trusts its network position (a default install
 * on loopback needs no credentials): DNS rebinding, where a foreign name resolves to
 * 127.0.0.1 and the page reads our answers as same-origin, is stopped by answering
 * only to known Host names; cross-site form posts (which need no CORS preflight) are
 * stopped by the Fetch-Metadata and Origin checks. Runs first, before authentication.
 */
export function installOriginGuard(app: FastifyInstance, options: OriginGuardOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!hostAllowed(request.headers.host, options.allowedHosts)) {
      return reply.status(403).send({
        error: 'forbidden-host',
        message: `This Junction server does not answer to the host name "${request.headers.host ?? ''}". Add it to JUNCTION_ALLOWED_HOSTS if users reach the server by that name.`,
      });
    }
    const reason = crossSiteReason(request);
    if (reason !== undefined) {
      return reply.status(403).send({
        error: 'cross-site-request',
        message: `Refused a cross-site request: ${reason}.`,
      });
    }
    return undefined;
  });
}
