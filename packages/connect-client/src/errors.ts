/**
 * Typed error hierarchy of the Connect client. Every error the client throws on purpose is a
 * {@link ConnectError}, so callers can separate "Connect said no" from programming errors.
 */

/** Base class of every error thrown by the Connect client. */
export class ConnectError extends Error {
  /** Brand checked by {@link isConnectError}; survives duplicated module instances. */
  readonly isConnectError = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectError';
  }
}

/** Details of a non-2xx Connect response. */
export interface ConnectApiErrorInit {
  status: number;
  method: string;
  url: string;
  /** Parsed JSON body, or the raw text when the body is not JSON. */
  body: unknown;
}

/**
 * Connect answered with a non-2xx status. `errorCode` and `errors` come from Connect's
 * `{error_code, errors[]}` body; they stay empty when the body has another shape (e.g. an HTML
 * page from a proxy), whose text is kept in `body`.
 */
export class ConnectApiError extends ConnectError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly errorCode: string | undefined;
  readonly errors: readonly string[];
  readonly body: unknown;

  constructor(init: ConnectApiErrorInit) {
    const { errorCode, errors } = readErrorBody(init.body);
    const detail = errorCode ? `${errorCode} - ${errors.join(', ')}` : summariseBody(init.body);
    super(`${init.method} ${init.url} failed with ${init.status}${detail ? `: ${detail}` : ''}`);
    this.name = 'ConnectApiError';
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.errorCode = errorCode;
    this.errors = errors;
    this.body = init.body;
  }
}

/** The request never produced an HTTP response (DNS, refused connection, reset socket…). */
export class ConnectNetworkError extends ConnectError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectNetworkError';
  }
}

/** The per-request timeout elapsed before the response (headers and body) arrived. */
export class ConnectTimeoutError extends ConnectError {
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.name = 'ConnectTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The response's body was larger than the client reads (`maxBodyBytes`); not retried. */
export class ConnectResponseTooLargeError extends ConnectError {
  readonly maxBytes: number;

  constructor(what: string, maxBytes: number) {
    super(
      `${what} answered with a body larger than ${maxBytes} bytes, which is more than the client reads`,
    );
    this.name = 'ConnectResponseTooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** The caller's AbortSignal fired; `cause` holds the signal's reason. */
export class ConnectAbortError extends ConnectError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectAbortError';
  }
}

/** Why {@link ConnectOperationError} was thrown. */
export type ConnectOperationErrorCode =
  | 'UNKNOWN_OPERATION'
  | 'MISSING_ID'
  | 'MISSING_PARENT_ID'
  | 'INVALID_BODY'
  | 'INVALID_FILTER';

/** A catalog operation could not be built (unknown pair, missing id, unusable body or filter). */
export class ConnectOperationError extends ConnectError {
  readonly code: ConnectOperationErrorCode;

  constructor(code: ConnectOperationErrorCode, message: string) {
    super(message);
    this.name = 'ConnectOperationError';
    this.code = code;
  }
}

/** True for every error thrown on purpose by the Connect client. */
export function isConnectError(value: unknown): value is ConnectError {
  return (
    value instanceof ConnectError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { isConnectError?: unknown }).isConnectError === true)
  );
}

function readErrorBody(body: unknown): { errorCode: string | undefined; errors: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errorCode: undefined, errors: [] };
  }
  const record = body as Record<string, unknown>;
  const code = record['error_code'];
  const list = record['errors'];
  return {
    errorCode: typeof code === 'string' ? code : undefined,
    errors: Array.isArray(list) ? list.map((item) => String(item)) : [],
  };
}

function summariseBody(body: unknown): string {
  if (body === undefined || body === null || body === '') {
    return '';
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  // Proxies may answer with whole HTML pages; the message only needs a hint.
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
