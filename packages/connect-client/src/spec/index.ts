/**
 * `@junction/connect-client/spec` — checks requests and responses against the official Connect
 * OpenAPI file (`vendor/connect-openapi/openapi.yml`, vendored with its licence). For tests only: it needs the dev dependencies
 * `yaml`, `ajv` and `ajv-formats` and the spec file, which production installs do not have. The
 * client's runtime dependencies stay zero because nothing under `src/` outside this folder
 * imports it.
 */

import type { RequestToValidate, ResponseToValidate, SpecIssue } from './issues.ts';
import { readSpecDocument } from './load-spec.ts';
import type { MatchedOperation } from './path-matcher.ts';
import { createSpecValidator, type SpecValidator } from './validator.ts';

export {
  CONNECT_ERROR_BODY_SCHEMA,
  SPEC_DEVIATIONS,
  type SpecDeviation,
  STATUS_ALIASES,
  type StatusAlias,
} from './deviations.ts';
export {
  formatIssues,
  type RequestToValidate,
  type ResponseToValidate,
  type SpecIssue,
} from './issues.ts';
export { DEFAULT_SPEC_URL, readSpecDocument } from './load-spec.ts';
export type { OpenApiDocument } from './openapi-types.ts';
export { apiPath, type MatchedOperation } from './path-matcher.ts';
export { createSpecValidator, type SpecValidator, type SpecValidatorOptions } from './validator.ts';

let shared: SpecValidator | undefined;

/**
 * The validator over the official spec, built on first use (once per test file, since
 * vitest isolates modules per file). `CONNECT_OPENAPI_SPEC` points it at another copy.
 */
export function getSpecValidator(): SpecValidator {
  shared ??= createSpecValidator(
    readSpecDocument(process.env['CONNECT_OPENAPI_SPEC'] ?? undefined),
  );
  return shared;
}

/** The spec operation behind `method url` (full URL or path; `/public/v1` and a trailing slash tolerated). */
export function matchOperation(method: string, url: string): MatchedOperation | undefined {
  return getSpecValidator().matchOperation(method, url);
}

/** Issues of a request (path and query parameters, body); `[]` when it conforms. */
export function validateRequest(request: RequestToValidate): SpecIssue[] {
  return getSpecValidator().validateRequest(request);
}

/** Issues of a response (declared status, body schema); `[]` when it conforms. */
export function validateResponse(response: ResponseToValidate): SpecIssue[] {
  return getSpecValidator().validateResponse(response);
}
