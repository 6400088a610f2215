import type { ValidationIssue } from '@junction/process-model';

/** An error the client can act on; the server error policy answers it with `status`. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function invalidDocument(message: string, issues: ValidationIssue[]): HttpError {
  return new HttpError(400, 'invalid-process', message, { issues });
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not-found', `${what} does not exist.`);
}
