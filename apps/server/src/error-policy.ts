import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/**
 * One error policy for the whole API: client errors say what is wrong and where;
 * anything unexpected is logged with the request and answered without internals.
 */
export function installErrorPolicy(
  app: FastifyInstance,
  options: { singlePageApp: boolean },
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .status(error.status)
        .send({ error: error.code, message: error.message, ...error.details });
    }
    if (error.validation) {
      const issues = error.validation.map((v) => ({
        severity: 'error',
        code: `schema.${v.keyword}`,
        message: v.message ?? 'is invalid',
        pointer: v.instancePath,
      }));
      return reply.status(400).send({
        error: 'bad-request',
        message: `Invalid ${error.validationContext ?? 'request'}: ${issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ')}`,
        issues,
      });
    }
    // SQLSTATE class 22 (data exception): a request value the column cannot hold,
    // e.g. a number beyond integer range that schema coercion let through.
    if (typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) {
      return reply.status(400).send({
        error: 'bad-request',
        message: 'A value in the request is out of range or malformed.',
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code ?? 'bad-request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: 'internal', message: 'Something went wrong on the server.' });
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/processes/…) all load the single-page app.
    const isPage = request.method === 'GET' && !/^\/(api|sandbox)\//.test(request.url);
    if (options.singlePageApp && isPage) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: 'not-found', message: `No route ${request.method} ${request.url}.` });
  });
}
