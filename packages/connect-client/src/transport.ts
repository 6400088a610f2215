/**
 * One HTTP exchange with Connect: URL, auth and JSON handling, per-attempt timeout, retries of
 * idempotent requests and mapping of failures onto the typed errors.
 */

import {
  ConnectAbortError,
  ConnectApiError,
  ConnectNetworkError,
  ConnectResponseTooLargeError,
  ConnectTimeoutError,
  isConnectError,
} from './errors.ts';
import {
  computeBackoff,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
  type SleepFunction,
} from './retry.ts';

/** HTTP methods the Connect API uses. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** A request relative to the client's endpoint. */
export interface TransportRequest {
  method: HttpMethod;
  /** Path below the endpoint, starting with `/`, already URL-encoded. */
  path: string;
  /** Encoded query string without the leading `?` (RQL is sent raw, see rql.ts). */
  query?: string;
  /** JSON-serialised, except `FormData`, which is sent as multipart with its own boundary. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /**
   * A successful answer's body stays its bytes, for callers that parse it where they
   * use it (one chunk as it came, so a view that fills its ArrayBuffer can be
   * transferred to another thread without a copy). Error answers are decoded as always.
   */
  rawBody?: boolean;
}

/** A successful (2xx) response with its body decoded. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  /**
   * Parsed JSON, text for text/*, bytes otherwise (and for `rawBody`); undefined when
   * there is no body.
   */
  body: unknown;
  url: string;
}

/** Sends one logical request (including retries). */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** Everything {@link createTransport} needs; the client fills in the defaults. */
export interface TransportOptions {
  endpoint: string;
  /** Complete `Authorization` header value. */
  authorization: string;
  userAgent: string;
  timeoutMs: number;
  /** The largest response body read, in bytes. */
  maxBodyBytes: number;
  retry: RetryOptions;
  headers: Readonly<Record<string, string>>;
  fetch: typeof fetch | undefined;
  sleep: SleepFunction;
  random: () => number;
  now: () => number;
}

/** Builds the function that performs requests against one Connect endpoint. */
export function createTransport(options: TransportOptions): Transport {
  const base = options.endpoint.replace(/\/+$/, '');
  return async (request) => {
    const url = `${base}${request.path}${request.query ? `?${request.query}` : ''}`;
    const retryable = isIdempotentMethod(request.method);
    for (let attempt = 0; ; attempt += 1) {
      let delay: number;
      try {
        const response = await attemptOnce(options, request, url);
        if (response.status >= 200 && response.status < 300) {
          return response;
        }
        const error = new ConnectApiError({
          status: response.status,
          method: request.method,
          url,
          body: response.body,
        });
        if (
          !retryable ||
          !isRetryableStatus(response.status) ||
          attempt >= options.retry.maxRetries
        ) {
          throw error;
        }
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), options.now());
        delay = retryAfter ?? computeBackoff(attempt, options.retry, options.random);
        // A server asking for a longer pause than we are willing to wait gets the error back.
        if (delay > options.retry.maxDelayMs) {
          throw error;
        }
      } catch (error) {
        const transient =
          error instanceof ConnectNetworkError || error instanceof ConnectTimeoutError;
        if (!transient || !retryable || attempt >= options.retry.maxRetries) {
          throw error;
        }
        delay = computeBackoff(attempt, options.retry, options.random);
      }
      await options.sleep(delay, request.signal);
    }
  };
}

async function attemptOnce(
  options: TransportOptions,
  request: TransportRequest,
  url: string,
): Promise<TransportResponse> {
  const callerSignal = request.signal;
  if (callerSignal?.aborted) {
    throw new ConnectAbortError(`${request.method} ${url} aborted`, { cause: callerSignal.reason });
  }
  // Looked up per call so tests (and the sandbox) can swap globalThis.fetch after creation.
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  // Racing against the signal also covers fetch implementations that ignore it.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
  });
  aborted.catch(() => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, options.timeoutMs);
  try {
    const init = buildInit(options, request, controller.signal);
    const response = await Promise.race([fetchImpl(url, init), aborted]);
    // The body is read under the same timeout: a stalled body is as bad as stalled headers.
    const body = await Promise.race([
      readBody(response, request, url, options.maxBodyBytes),
      aborted,
    ]);
    return { status: response.status, headers: response.headers, body, url };
  } catch (error) {
    if (isConnectError(error)) {
      throw error;
    }
    if (callerSignal?.aborted) {
      throw new ConnectAbortError(`${request.method} ${url} aborted`, {
        cause: callerSignal.reason,
      });
    }
    if (timedOut) {
      throw new ConnectTimeoutError(
        `${request.method} ${url} timed out after ${options.timeoutMs} ms`,
        options.timeoutMs,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectNetworkError(`${request.method} ${url} failed: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

function buildInit(
  options: TransportOptions,
  request: TransportRequest,
  signal: AbortSignal,
): RequestInit {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...options.headers,
    ...request.headers,
    Authorization: options.authorization,
    'User-Agent': options.userAgent,
  };
  const init: RequestInit = { method: request.method, headers, signal };
  if (request.body === undefined) {
    return init;
  }
  if (request.body instanceof FormData) {
    // fetch writes the multipart Content-Type with its boundary itself.
    init.body = request.body;
  } else {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  return init;
}

async function readBody(
  response: Response,
  request: TransportRequest,
  url: string,
  maxBytes: number,
): Promise<unknown> {
  const { method } = request;
  const raw = request.rawBody === true;
  if (method === 'HEAD' || response.status === 204 || response.status === 205) {
    return undefined;
  }
  const bytes = await bodyBytes(response, maxBytes, `${method} ${url}`);
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const isJson = contentType.startsWith('application/json') || contentType.includes('+json');
  const isText = contentType.startsWith('text/') || contentType === '';
  // Error bodies are kept as text whatever the content type, so messages stay readable.
  if ((raw || (!isJson && !isText)) && response.ok) {
    return bytes.byteLength === 0 ? undefined : bytes;
  }
  // As `text()` decodes: UTF-8, a byte-order mark dropped, bad bytes as U+FFFD.
  const text = utf8.decode(bytes);
  if (text === '') {
    return undefined;
  }
  // Some gateways label Connect's JSON error body as text; parse it anyway to keep error_code.
  if (isJson || (!response.ok && /^\s*[[{]/.test(text))) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

const utf8 = new TextDecoder();

/**
 * The body's bytes, its chunks joined; a body of one chunk is that chunk, where
 * `arrayBuffer()` would copy it (a list page is about 0.5 MB, and the in-process
 * sandbox answers in one chunk). Nothing else reads the chunk once the stream has
 * handed it over. A body past `maxBytes` (by its Content-Length, or as it streams)
 * is abandoned: a server must not make the client hold whatever it sends.
 */
async function bodyBytes(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  if (response.body === null) {
    return new Uint8Array(0);
  }
  const tooLarge = () => new ConnectResponseTooLargeError(what, maxBytes);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Leaving the loop cancels the stream.
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  if (chunks.length === 1) {
    return chunks[0]!;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
