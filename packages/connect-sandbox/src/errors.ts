/** The standard Connect error body: `{error_code, errors:[...]}`. */
export interface ConnectErrorBody {
  error_code: string;
  errors: string[];
}

/**
 * An error the simulator answers with Connect's error body. Thrown from route
 * handlers and turned into a reply by the plugin's error handler.
 */
export class SandboxHttpError extends Error {
  readonly status: number;
  readonly body: ConnectErrorBody;

  constructor(status: number, errorCode: string, errors: string[]) {
    super(`${status} ${errorCode}: ${errors.join(', ')}`);
    this.name = 'SandboxHttpError';
    this.status = status;
    this.body = { error_code: errorCode, errors };
  }
}

/** 401 exactly as Connect answers a missing or wrong API key. */
export function unauthorized(): SandboxHttpError {
  return new SandboxHttpError(401, 'AUTH_001', ['API request is unauthorized.']);
}

/** 404 for an unknown id; the body follows what Connect's own tooling emits (NFND_000). */
export function notFound(id: string): SandboxHttpError {
  return new SandboxHttpError(404, 'NFND_000', [`Object \`${id}\` not found.`]);
}

/** 400 field validation error; Connect prefixes each message with the field name. */
export function validationError(...messages: string[]): SandboxHttpError {
  return new SandboxHttpError(400, 'VAL_001', messages);
}

/** 400 for a body missing required fields (Connect: REQ_005 "Missed fields: reason."). */
export function missedFields(fields: string[]): SandboxHttpError {
  return new SandboxHttpError(400, 'REQ_005', [`Missed fields: ${fields.join(', ')}.`]);
}

/** 400 for malformed RQL; Connect's exact code is unknown, the generic validation code is used. */
export function badRql(detail: string): SandboxHttpError {
  return new SandboxHttpError(400, 'VAL_001', ['Bad filter query.', detail]);
}
