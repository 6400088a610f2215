import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BoomiImportPreviewSchema } from '@junction/api';
import { importBoomiProcess, type XmlProblem } from '@junction/process-model';
import Type from 'typebox';
import { HttpError } from '../errors.ts';
import { validateInAccount } from '../process-validation.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';

const XML_TYPES = ['application/xml', 'text/xml'];

function where(problem: XmlProblem): string {
  if (problem.line !== undefined) {
    return ` (line ${problem.line}, column ${problem.column ?? 1})`;
  }
  return problem.path ? ` (at ${problem.path})` : '';
}

/**
 * `POST /api/processes/import/boomi`: converts a Boomi process Component export
 * (XML) into a process preview without storing anything. The XML parser is
 * registered in this plugin only, so no other route accepts XML.
 */
export const boomiImportRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addContentTypeParser(XML_TYPES, { parseAs: 'string' }, (_request, body, done) => {
      done(null, typeof body === 'string' ? body : body.toString('utf8'));
    });

    app.post(
      '/api/processes/import/boomi',
      {
        schema: {
          ...operation('previewBoomiImport', 'processes'),
          description:
            'Converts a Boomi process Component XML export into a process preview; stores nothing.',
          body: Type.String({ description: 'The Component XML (application/xml or text/xml).' }),
          response: { 200: BoomiImportPreviewSchema, ...errors(400, 415), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') {
          throw new HttpError(
            415,
            'unsupported-media-type',
            'Send the Boomi XML as application/xml.',
          );
        }
        const result = importBoomiProcess(request.body, { id: randomUUID() });
        if (!result.ok) {
          throw new HttpError(
            400,
            'invalid-boomi-xml',
            `The file is not a Boomi process export: ${result.problem.message}${where(result.problem)}`,
          );
        }
        const account = services.accountOf(request);
        return {
          document: result.document,
          mapped: result.mapped,
          omitted: result.omitted,
          issues: await validateInAccount(services.processes, account, result.document),
        };
      },
    );
  };
