import { readJson } from '@junction/process-model';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

// The text each JSON body was parsed from, for routes that must read it again
// (process files: JSON.parse has already merged any repeated keys in the value).
const bodyTexts = new WeakMap<FastifyRequest, string>();

/** The JSON text of the request's body, when it arrived as `application/json`. */
export function jsonTextOf(request: FastifyRequest): string | undefined {
  return bodyTexts.get(request);
}

/**
 * Replaces Fastify's JSON body parser for the whole API, so every JSON route
 * refuses nesting deeper than MAX_JSON_DEPTH (nothing recursive downstream can
 * then overflow the stack) and answers bad JSON with a located issue instead of
 * "Body is not valid JSON". Values are made by JSON.parse, which, like Fastify's
 * parser, creates `__proto__` keys as plain own members.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, text: string | Buffer, done) => {
      const body = typeof text === 'string' ? text : text.toString('utf8');
      const read = readJson(body, { forbidPrototypeKeys: true });
      if (!read.ok) {
        const [first] = read.issues;
        done(
          new HttpError(400, 'invalid-json', `The body is not valid JSON: ${first?.message}`, {
            issues: read.issues,
          }),
        );
        return;
      }
      bodyTexts.set(request, body);
      done(null, read.value);
    },
  );
}
