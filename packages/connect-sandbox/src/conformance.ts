/**
 * Test-only: checks every response the sandbox sends against the official
 * spec with `@junction/connect-client/spec` (Ajv over the vendored connect-client/vendor/connect-openapi/openapi.yml).
 * Imported by test-app.ts and tests only, never by the plugin, because the
 * validator needs dev dependencies and the spec file.
 */
import {
  createSpecValidator,
  formatIssues,
  readSpecDocument,
  SPEC_DEVIATIONS,
  type SpecValidator,
} from '@junction/connect-client/spec';
import type { FastifyInstance } from 'fastify';
import { SANDBOX_DEVIATIONS } from './conformance-deviations.ts';

let validator: SpecValidator | undefined;

/** The shared spec validator with the client's deviations plus the sandbox's own. */
export function sandboxSpecValidator(): SpecValidator {
  validator ??= createSpecValidator(
    readSpecDocument(process.env['CONNECT_OPENAPI_SPEC'] ?? undefined),
    { deviations: [...SPEC_DEVIATIONS, ...SANDBOX_DEVIATIONS] },
  );
  return validator;
}

/** Mismatches found so far, one text per response; tests assert it stays empty. */
export interface ConformanceLog {
  issues: string[];
  /** Responses checked so far (a test can assert the hook ran). */
  checked: number;
}

/**
 * Adds an `onSend` hook to the host app that validates each response served
 * under `prefix` (the Connect API, not the admin plugin) and records
 * mismatches. The hook runs before the plugin's own `onSend` hooks, so a
 * deliberately truncated body (fault injection) is checked as it was before
 * the cut. Unknown paths answered 404 are Connect's behaviour too, not checked.
 */
export function recordConformance(app: FastifyInstance, prefix: string): ConformanceLog {
  const log: ConformanceLog = { issues: [], checked: 0 };
  const spec = sandboxSpecValidator();
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(`${prefix}/`)) {
      return payload;
    }
    const url = request.url.slice(prefix.length);
    const status = reply.statusCode;
    if (spec.matchOperation(request.method, url) === undefined && status === 404) {
      return payload;
    }
    const body = typeof payload === 'string' || payload instanceof Uint8Array ? payload : undefined;
    const issues = spec.validateResponse({ method: request.method, url, status, body });
    log.checked += 1;
    if (issues.length > 0) {
      log.issues.push(`${request.method} ${url} → ${status}\n${formatIssues(issues)}`);
    }
    return payload;
  });
  return log;
}

/** Throws (failing the test) when the log holds mismatches; clears them. */
export function assertConformant(log: ConformanceLog): void {
  const issues = log.issues.splice(0);
  if (issues.length > 0) {
    throw new Error(`Responses that do not match the Connect spec:\n${issues.join('\n\n')}`);
  }
}
