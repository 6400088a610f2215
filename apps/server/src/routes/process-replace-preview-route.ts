import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProcessReplacePreviewSchema } from '@junction/api';
import { notFound } from '../errors.ts';
import { jsonTextOf } from '../json-body.ts';
import { validateInAccount } from '../process-validation.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { readProcessBody } from './process-body.ts';
import { acceptAnyBody, IdParams, ProcessDocumentSchema } from './schemas.ts';

/**
 * `POST /api/processes/:id/replace-preview`: a process file read as an import would
 * read it (migrated, checked, repeated keys found in the text), set to replace the
 * stored process `:id`, beside that process's latest revision, for the browser to
 * compare before the user confirms. Stores nothing; a process outside the acting
 * account is not found, like every other read of it.
 */
export const processReplacePreviewRoute =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/processes/:id/replace-preview',
      {
        schema: {
          ...operation('previewProcessReplace', 'processes'),
          description:
            'Reads a process file as the replacement of this process and returns it with the stored latest revision; stores nothing.',
          params: IdParams,
          body: ProcessDocumentSchema,
          response: {
            200: ProcessReplacePreviewSchema,
            ...errors(400, 404),
            ...AUTH_ERRORS,
          },
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request) => {
        const file = readProcessBody(
          request.body,
          'The file is not a Junction process.',
          jsonTextOf(request),
        );
        const account = services.accountOf(request);
        const stored = await services.processes.get(account, request.params.id);
        if (!stored) {
          throw notFound(`Process ${request.params.id}`);
        }
        // The file replaces this process's content; the process keeps its identity.
        const document = { ...file, id: stored.document.id };
        return {
          document,
          fileId: file.id,
          issues: await validateInAccount(services.processes, account, document),
          current: { revision: stored.revision, document: stored.document },
        };
      },
    );
  };
