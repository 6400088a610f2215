/** What the validator reports: one entry per mismatch, never an exception. */
export interface SpecIssue {
  /** Which part of the exchange is wrong. */
  location: 'operation' | 'path' | 'query' | 'body' | 'status';
  /** JSON pointer into the body (`''` for the root), or the parameter name. */
  pointer: string;
  /** Ajv keyword (`type`, `required`, `enum`…) or a validator-level reason. */
  keyword: string;
  message: string;
}

/** A request as sent: full URL or path (with query), and the body. */
export interface RequestToValidate {
  method: string;
  url: string;
  /** Parsed JSON, JSON text (what fetch sends), FormData, or undefined for no body. */
  body?: unknown;
}

/** A response as received, with its decoded body. */
export interface ResponseToValidate {
  method: string;
  url: string;
  status: number;
  /** Parsed JSON (or JSON text), a string/bytes for non-JSON content, undefined for none. */
  body?: unknown;
}

/** One line per issue, for assertion messages. */
export function formatIssues(issues: readonly SpecIssue[]): string {
  return issues
    .map((issue) => `${issue.location} ${issue.pointer || '/'}: ${issue.message}`)
    .join('\n');
}
