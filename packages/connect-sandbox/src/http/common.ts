import { MAX_JSON_DEPTH, tooDeepAt } from '@junction/process-model';
import type { FastifyError, FastifyInstance } from 'fastify';
import { SandboxHttpError, unauthorized, validationError } from '../errors.ts';

/** Rejects every request of the instance without exactly `token` in `Authorization` (401 AUTH_001). */
export function requireToken(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (request) => {
    if (request.headers.authorization !== token) {
      throw unauthorized();
    }
  });
}

/**
 * Fastify always appends `; charset=utf-8`; strict clients (the JS SDK) only
 * parse errors whose type is exactly `application/json` (§1.3).
 */
export function exactJsonContentType(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', 'application/json');
    }
    return payload;
  });
}

/** Connect's error bodies for thrown `SandboxHttpError`s, Fastify's own 4xx (as 400 VAL_001) and crashes. */
export function connectErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SandboxHttpError, _request, reply) => {
    if (error instanceof SandboxHttpError) {
      return reply.code(error.status).send(error.body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(400).send({ error_code: 'VAL_001', errors: [error.message] });
    }
    app.log.error(error);
    return reply.code(500).send({ error_code: 'SYS_001', errors: ['Internal server error.'] });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error_code: 'NFND_000',
      errors: [`Path \`${request.url.split('?')[0]}\` not found.`],
    }),
  );
}

/**
 * Action endpoints are often posted with `Content-Type: application/json`
 * and no body; Fastify's own parser rejects that, Connect does not.
 */
export function lenientJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    // Anyone holding the public demo token can post here: refuse nesting that recursive
    // code further on (validation, cloning into the state) could overflow on.
    const deep = tooDeepAt(text);
    if (deep) {
      done(
        validationError(
          `JSON parse error - nested deeper than ${MAX_JSON_DEPTH} levels at line ${deep.line}, column ${deep.column}.`,
        ),
        undefined,
      );
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(validationError('JSON parse error - Invalid JSON body.'), undefined);
    }
  });
}
