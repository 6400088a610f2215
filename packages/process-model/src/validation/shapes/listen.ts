import type { ConnectWebhookListener, HttpListener, Listener } from '../../schema/listener.ts';
import { bodySchemaProblems } from '../listener-body-schema.ts';
import { listenerPathProblem } from '../listener-path.ts';
import type { ShapeIssues } from '../shape-context.ts';

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Headers that carry other meaning: a secret there would be logged, cached or replaced. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'cookie',
  'host',
  'content-type',
  'content-length',
  'transfer-encoding',
  'connection',
  'x-junction-account',
  // Sent by every browser with values of its own: a "secret" equal to one of them
  // would let any page a victim opens call the listener.
  'accept',
  'accept-encoding',
  'accept-language',
  'user-agent',
  'origin',
  'referer',
  'cache-control',
  'pragma',
  'priority',
  'dnt',
  'te',
  'upgrade-insecure-requests',
]);

/**
 * Whether a listener's secret may not travel in `header`: one with another meaning in
 * HTTP, or one a browser sets by itself (`sec-*` included). Checked when a process is
 * saved, and again when a call comes, for listeners deployed before the rule.
 */
export function isReservedSecretHeader(header: string): boolean {
  const name = header.toLowerCase();
  return RESERVED_HEADERS.has(name) || name.startsWith('sec-');
}

/** A Listen Start's listener, with pointers under `config/listener`. */
export function listenerIssues(listener: Listener, at: ShapeIssues): void {
  const pathProblem = listenerPathProblem(listener.path);
  if (pathProblem !== null) {
    at.error(
      listener.path === '' ? 'listen.path-missing' : 'listen.path-invalid',
      pathProblem,
      'listener',
      'path',
    );
  }
  if (listener.kind === 'connect-webhook') {
    webhookIssues(listener, at);
  } else {
    httpIssues(listener, at);
  }
}

/** Connect gives up on a call that takes long, and retries it: a webhook should answer at once. */
function webhookIssues(listener: ConnectWebhookListener, at: ShapeIssues): void {
  if (listener.answer.mode === 'sync') {
    at.warning(
      'listen.webhook-sync',
      'Connect does not wait for a process’s result; answer at once (asynchronous) unless the process is quick.',
      'listener',
      'answer',
      'mode',
    );
  }
}

function httpIssues(listener: HttpListener, at: ShapeIssues): void {
  if (listener.auth.kind === 'shared-secret') {
    const header = listener.auth.header;
    if (!HEADER_NAME.test(header)) {
      at.error(
        'listen.secret-header-invalid',
        'Enter the header name that carries the secret, like x-junction-secret.',
        'listener',
        'auth',
        'header',
      );
    } else if (isReservedSecretHeader(header)) {
      at.error(
        'listen.secret-header-reserved',
        `${header} has another meaning in HTTP or is sent by browsers themselves; choose a header of your own, like x-junction-secret.`,
        'listener',
        'auth',
        'header',
      );
    }
  }
  if (listener.bodySchema !== undefined) {
    if (listener.method === 'GET' || listener.method === 'DELETE') {
      at.warning(
        'listen.schema-without-body',
        `${listener.method} calls usually carry no body; the schema applies to whatever they send.`,
        'listener',
        'bodySchema',
      );
    }
    for (const problem of bodySchemaProblems(listener.bodySchema)) {
      at.error(problem.code, problem.message, 'listener', 'bodySchema', ...problem.path);
    }
  }
}
