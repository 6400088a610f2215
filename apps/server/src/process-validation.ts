import {
  hasErrors,
  type ProcessDocument,
  type ValidationIssue,
  validateProcess,
} from '@junction/process-model';
import { jsonataRegexIssues } from '@junction/runtime';
import { HttpError } from './errors.ts';
import { bodySchemaIssues } from './listen/body-schema.ts';
import type { ProcessRepository } from './repositories/process-repository.ts';

/**
 * The model's validation plus what only the server knows: whether the processes
 * that Process Call shapes name exist in the account (one query per check), and
 * JSONata regex literals the linear-time engine refuses, and listener body schemas
 * the JSON Schema compiler refuses.
 */
export async function validateInAccount(
  processes: ProcessRepository,
  accountId: string,
  document: ProcessDocument,
): Promise<ValidationIssue[]> {
  const targets = processCallTargets(document);
  const existing =
    targets.length === 0 ? new Set<string>() : await processes.existingIds(accountId, targets);
  return [
    ...validateProcess(document, { processExists: (id) => existing.has(id) }),
    ...jsonataRegexIssues(document),
    ...bodySchemaIssues(document),
  ];
}

/** The processes Process Call shapes name; read defensively, as the body may be any JSON. */
function processCallTargets(document: unknown): string[] {
  const shapes = (document as { shapes?: unknown } | null)?.shapes;
  if (typeof shapes !== 'object' || shapes === null) {
    return [];
  }
  return Object.values(shapes).flatMap((shape: unknown) => {
    const { kind, config } = (shape ?? {}) as { kind?: unknown; config?: { processId?: unknown } };
    const target = kind === 'process-call' ? config?.processId : undefined;
    return typeof target === 'string' && target !== '' ? [target] : [];
  });
}

/** Invalid processes may be saved as drafts, but never run. */
export async function refuseInvalid(
  processes: ProcessRepository,
  accountId: string,
  document: ProcessDocument,
): Promise<void> {
  const issues = await validateInAccount(processes, accountId, document);
  if (hasErrors(issues)) {
    throw new HttpError(422, 'invalid-process', 'Fix the process before running it.', { issues });
  }
}
