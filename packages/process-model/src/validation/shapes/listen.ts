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
]);

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
    } else if (RESERVED_HEADERS.has(header.toLowerCase())) {
      at.error(
        'listen.secret-header-reserved',
        `${header} has another meaning in HTTP; choose a header of your own, like x-junction-secret.`,
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
