import type { ProcessDocument } from '@junction/process-model';
import type { RunDocument } from '@junction/runtime';
import { HttpError } from '../errors.ts';
import type { RunDocumentRepository } from '../repositories/run-document-repository.ts';
import type { RunRepository } from '../repositories/run-repository.ts';

export interface ListenerAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const STATUS_PROPERTY = 'listen.response.status';
export const HEADER_PROPERTY = 'listen.response.header.';

/**
 * Response headers a process may set. Framing and security headers stay the
 * server's (content-length, CSP, …); custom `x-` headers are the process's own.
 */
const SETTABLE = new Set([
  'content-type',
  'cache-control',
  'location',
  'etag',
  'last-modified',
  'content-language',
  'retry-after',
]);
const SERVER_OWNED_X = new Set(['x-content-type-options', 'x-frame-options']);

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
// Visible ASCII, tabs and Latin-1: what Node lets through in a header value.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function settable(name: string): boolean {
  return !TOKEN.test(name)
    ? false
    : SETTABLE.has(name) || (name.startsWith('x-') && !SERVER_OWNED_X.has(name));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The body: one document's data as it is; several become a JSON array when every
 * one is JSON, else their texts one per line.
 */
function bodyOf(documents: readonly RunDocument[]): string {
  if (documents.length === 1) {
    return documents[0]!.data;
  }
  return documents.every((d) => isJson(d.data))
    ? `[${documents.map((d) => d.data).join(',')}]`
    : documents.map((d) => d.data).join('\n');
}

/**
 * What the caller of a synchronous listener gets: the documents that reached
 * Return Documents. The first document's properties may set the status
 * (`listen.response.status`, 200–599) and headers (`listen.response.header.<name>`).
 * No documents: 204. A failed, aborted or discarded execution: an error naming it.
 */
export async function listenerAnswer(
  deps: { runs: RunRepository; runDocuments: RunDocumentRepository },
  accountId: string,
  runId: string,
  process: ProcessDocument,
): Promise<ListenerAnswer> {
  const run = await deps.runs.get(accountId, runId);
  if (!run || run.status === 'error' || run.status === 'aborted') {
    throw new HttpError(
      502,
      'listener-run-failed',
      `The process failed: ${run?.error ?? 'unknown error'}`,
      {
        runId,
      },
    );
  }
  if (run.status === 'discarded') {
    throw new HttpError(503, 'listener-run-discarded', run.error ?? 'The server is too busy.', {
      runId,
    });
  }
  const returned: RunDocument[] = [];
  for (const [id, shape] of Object.entries(process.shapes)) {
    if (shape.kind === 'return-documents') {
      returned.push(...(await deps.runDocuments.documentsInto(accountId, runId, id, 'in')));
    }
  }
  return answerFrom(returned);
}

/**
 * A listener's answer comes from the app's own origin, written by whoever may build
 * processes: as a page it would run with the session of whoever opens it (an admin
 * sent a link). Every answer is therefore a sandbox of its own that loads nothing,
 * and no answer is JavaScript, which a page of the origin could load as a script.
 */
const ANSWER_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** JavaScript MIME types (WHATWG's list), by their essence. */
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

const isJavaScript = (contentType: string) =>
  JAVASCRIPT_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase());

/** The answer the documents that reached Return Documents make (see listenerAnswer). */
export function answerFrom(returned: readonly RunDocument[]): ListenerAnswer {
  const first = returned[0];
  if (!first) {
    return { status: 204, headers: { 'content-security-policy': ANSWER_POLICY }, body: '' };
  }
  const body = bodyOf(returned);
  const headers: Record<string, string> = {
    'content-type': isJson(body) ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
  };
  for (const [name, value] of Object.entries(first.properties ?? {})) {
    const header = name.startsWith(HEADER_PROPERTY)
      ? name.slice(HEADER_PROPERTY.length).toLowerCase()
      : '';
    // A value with a line break would split the header; such values are left out.
    if (header !== '' && settable(header) && HEADER_VALUE.test(value)) {
      headers[header] = value;
    }
  }
  if (isJavaScript(headers['content-type']!)) {
    throw new HttpError(
      502,
      'listener-answer-refused',
      `A listener may not answer with JavaScript (${headers['content-type']}): the server's own pages could run it.`,
    );
  }
  headers['content-security-policy'] = ANSWER_POLICY;
  const asked = Number(first.properties?.[STATUS_PROPERTY]);
  const status = Number.isInteger(asked) && asked >= 200 && asked <= 599 ? asked : 200;
  return { status, headers, body };
}
