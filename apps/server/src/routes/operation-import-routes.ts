import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BrowseResultSchema } from '@junction/api';
import Type from 'typebox';
import type { BrowseResult } from '../connect/browse-connection.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { IdParams } from './schemas.ts';

/** Import Operation: a sample record of an object, and the profile inferred from it. */
export const operationImportRoutes =
  (
    services: Services,
    browse: (accountId: string, connectionId: string, object: string) => Promise<BrowseResult>,
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/connections/:id/browse',
      {
        schema: {
          ...operation('browseConnection', 'connections'),
          params: IdParams,
          body: Type.Object(
            { object: Type.String({ minLength: 1, maxLength: 80 }) },
            { additionalProperties: false },
          ),
          response: { 200: BrowseResultSchema, ...errors(400, 404, 502), ...AUTH_ERRORS },
        },
      },
      async (request) =>
        browse(services.accountOf(request), request.params.id, request.body.object),
    );
  };
