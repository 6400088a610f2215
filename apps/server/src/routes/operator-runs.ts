import { type ProcessDocument, serializeProcess } from '@junction/process-model';
import type { FastifyRequest } from 'fastify';
import { callerOf } from '../auth/request-auth.ts';
import { roleAllows } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';
import type { Services } from '../services.ts';

/**
 * Operators run what builders saved. A test run executes with the account's stored
 * connections, so running a process of one's own making is building: an operator who
 * could send any process could have a Partner API connector mint an admin token and read
 * it from the run's documents. The sent process must therefore be the saved revision of
 * the process it names, compared in the file format's canonical form.
 */
export async function refuseUnsavedForOperator(
  services: Services,
  request: FastifyRequest,
  processId: string | null,
  document: ProcessDocument,
): Promise<void> {
  const caller = callerOf(request);
  if (roleAllows(caller.role, 'build')) {
    return;
  }
  const stored = processId ? await services.processes.get(caller.accountId, processId) : null;
  if (stored && serializeProcess(stored.document) === serializeProcess(document)) {
    return;
  }
  throw new HttpError(
    403,
    'forbidden',
    stored
      ? `The ${caller.role} role may test-run process ${processId} only as saved (revision ${stored.revision}); running an edited process needs the builder role.`
      : `The ${caller.role} role may test-run saved processes only; running an unsaved process needs the builder role.`,
  );
}
