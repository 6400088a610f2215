import { MAX_BREAKPOINTS } from '@junction/api';
import { own, type ProcessDocument } from '@junction/process-model';
import type { FastifyRequest } from 'fastify';
import { callerOf } from '../auth/request-auth.ts';
import { roleAllows } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';

/**
 * The breakpoints of a test run, from a body whose schema is not enforced: shape ids
 * of the process sent, each once. Only a builder may set them, since only a builder
 * may answer the pause they cause (an operator's run would wait for nobody).
 */
export function readBreakpoints(
  request: FastifyRequest,
  value: unknown,
  process: ProcessDocument,
): string[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length > MAX_BREAKPOINTS) {
    throw new HttpError(
      400,
      'bad-request',
      `/breakpoints must be a list of at most ${MAX_BREAKPOINTS} shape ids.`,
    );
  }
  const caller = callerOf(request);
  if (!roleAllows(caller.role, 'build')) {
    throw new HttpError(
      403,
      'forbidden',
      `The ${caller.role} role may not set breakpoints: answering a paused run needs the builder role.`,
    );
  }
  const seen = new Set<string>();
  value.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || !own(process.shapes, id)) {
      throw new HttpError(
        400,
        'bad-request',
        `/breakpoints/${i}: ${typeof id === 'string' ? `the process has no shape "${id}"` : 'a shape id is text'}.`,
      );
    }
    if (seen.has(id)) {
      throw new HttpError(400, 'bad-request', `/breakpoints/${i}: shape "${id}" is listed twice.`);
    }
    seen.add(id);
  });
  return [...seen];
}
