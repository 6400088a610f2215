import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ProcessCreatedSchema,
  ProcessDocumentViewSchema,
  ProcessImportedSchema,
  ProcessListSchema,
  ProcessRevisionSchema,
  ProcessSavedSchema,
  ProcessViewSchema,
  RevisionListSchema,
  SaveConflictSchema,
  ValidationResultSchema,
} from '@junction/api';
import {
  createProcess,
  repeatedKeyIssues,
  serializeProcess,
  type ValidationIssue,
} from '@junction/process-model';
import Type from 'typebox';
import { callerOf } from '../auth/request-auth.ts';
import { HttpError, notFound } from '../errors.ts';
import { jsonTextOf } from '../json-body.ts';
import { validateInAccount } from '../process-validation.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, noContent, operation } from './openapi.ts';
import { readProcessBody } from './process-body.ts';
import { acceptAnyBody, IdParams, MAX_INT32, ProcessDocumentSchema } from './schemas.ts';

const etag = (revision: number) => `"${revision}"`;

const RevisionParams = Type.Object({
  id: IdParams.properties.id,
  revision: Type.Integer({ minimum: 1, maximum: MAX_INT32 }),
});

function parseIfMatch(header: string | undefined): number {
  if (!header) {
    throw new HttpError(
      428,
      'if-match-required',
      'Send If-Match with the revision you edited, so no save is lost.',
    );
  }
  const revision = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(revision) || revision < 1) {
    throw new HttpError(
      400,
      'bad-if-match',
      `If-Match must be a revision ETag like "3", got ${header}.`,
    );
  }
  return revision;
}

/** Keys written twice in the body (the parsed value has kept only the last). */
function repeatedKeys(text: string | undefined, value: unknown): ValidationIssue[] {
  return text === undefined ? [] : repeatedKeyIssues(text, value);
}

export const processRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { processes } = services;

    app.get(
      '/api/processes',
      {
        schema: {
          ...operation('listProcesses', 'processes'),
          querystring: Type.Object({
            search: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: MAX_INT32, default: 0 }),
          }),
          response: { 200: ProcessListSchema, ...errors(400), ...AUTH_ERRORS },
        },
      },
      async (request) => processes.list(services.accountOf(request), request.query),
    );

    app.post(
      '/api/processes',
      {
        schema: {
          ...operation('createProcess', 'processes'),
          body: Type.Object({
            name: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 4000 })),
          }),
          response: { 201: ProcessCreatedSchema, ...errors(400), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const document = createProcess({
          id: randomUUID(),
          name: request.body.name,
          description: request.body.description ?? '',
        });
        await processes.create(services.accountOf(request), document, callerOf(request));
        reply.header('etag', etag(1));
        return reply.status(201).send({ id: document.id, revision: 1, document });
      },
    );

    app.get(
      '/api/processes/:id',
      {
        schema: {
          ...operation('getProcess', 'processes'),
          params: IdParams,
          response: { 200: ProcessViewSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const stored = await processes.get(services.accountOf(request), request.params.id);
        if (!stored) {
          throw notFound(`Process ${request.params.id}`);
        }
        reply.header('etag', etag(stored.revision));
        return {
          ...stored,
          issues: await validateInAccount(processes, services.accountOf(request), stored.document),
        };
      },
    );

    app.put(
      '/api/processes/:id',
      {
        schema: {
          ...operation('saveProcess', 'processes'),
          params: IdParams,
          headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
          body: ProcessDocumentSchema,
          response: {
            200: ProcessSavedSchema,
            ...errors(400, 404, 428),
            409: SaveConflictSchema,
            ...AUTH_ERRORS,
          },
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const expected = parseIfMatch(request.headers['if-match']);
        const document = readProcessBody(
          request.body,
          'The process does not match the file format.',
          jsonTextOf(request),
        );
        if (document.id !== request.params.id) {
          throw new HttpError(
            400,
            'id-mismatch',
            `The document's id "${document.id}" is not ${request.params.id}.`,
          );
        }
        const result = await processes.update(
          services.accountOf(request),
          document,
          expected,
          callerOf(request),
        );
        if (!result.ok && result.reason === 'not-found') {
          throw notFound(`Process ${request.params.id}`);
        }
        if (!result.ok) {
          reply.header('etag', etag(result.current.revision));
          return reply.status(409).send({
            error: 'conflict',
            message: `Someone saved revision ${result.current.revision} after the revision ${expected} you edited.`,
            current: result.current,
          });
        }
        reply.header('etag', etag(result.revision));
        return {
          revision: result.revision,
          issues: await validateInAccount(processes, services.accountOf(request), document),
        };
      },
    );

    app.delete(
      '/api/processes/:id',
      {
        schema: {
          ...operation('deleteProcess', 'processes'),
          params: IdParams,
          response: {
            204: noContent('Deleted.'),
            ...errors(400, 404),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        if (!(await processes.remove(services.accountOf(request), request.params.id))) {
          throw notFound(`Process ${request.params.id}`);
        }
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/processes/:id/revisions',
      {
        schema: {
          ...operation('listProcessRevisions', 'processes'),
          params: IdParams,
          response: { 200: RevisionListSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        if (!(await processes.get(account, request.params.id))) {
          throw notFound(`Process ${request.params.id}`);
        }
        const viewerHome = callerOf(request).homeAccountId;
        return { items: await processes.revisions(account, request.params.id, viewerHome) };
      },
    );

    app.get(
      '/api/processes/:id/revisions/:revision',
      {
        schema: {
          ...operation('getProcessRevision', 'processes'),
          params: RevisionParams,
          response: { 200: ProcessRevisionSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const document = await processes.revision(
          services.accountOf(request),
          request.params.id,
          request.params.revision,
        );
        if (!document) {
          throw notFound(`Revision ${request.params.revision} of process ${request.params.id}`);
        }
        return { revision: request.params.revision, document };
      },
    );

    app.post(
      '/api/processes/:id/revisions/:revision/restore',
      {
        schema: {
          ...operation('restoreProcessRevision', 'processes'),
          description:
            'Stores an older revision again as the new latest one; every revision stays. Send If-Match with the latest revision, as for a save.',
          params: RevisionParams,
          headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
          response: {
            200: ProcessViewSchema,
            ...errors(400, 404, 428),
            409: SaveConflictSchema,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const expected = parseIfMatch(request.headers['if-match']);
        const account = services.accountOf(request);
        const { id, revision } = request.params;
        const result = await processes.restore(account, id, revision, expected, callerOf(request));
        if (!result.ok && result.reason === 'not-found') {
          throw notFound(`Process ${id}`);
        }
        if (!result.ok && result.reason === 'no-revision') {
          throw notFound(`Revision ${revision} of process ${id}`);
        }
        if (!result.ok) {
          reply.header('etag', etag(result.current.revision));
          return reply.status(409).send({
            error: 'conflict',
            message: `Someone saved revision ${result.current.revision} after the revision ${expected} you were looking at.`,
            current: result.current,
          });
        }
        const stored = await processes.get(account, id);
        if (!stored) {
          throw notFound(`Process ${id}`);
        }
        reply.header('etag', etag(stored.revision));
        return {
          ...stored,
          issues: await validateInAccount(processes, account, stored.document),
        };
      },
    );

    app.get(
      '/api/processes/:id/export',
      {
        schema: {
          ...operation('exportProcess', 'processes'),
          params: IdParams,
          // The handler sends the file as JSON text (typed string), which Fastify passes
          // through unserialised; the document says it is a process file.
          response: {
            200: Type.Unsafe<string>(ProcessDocumentViewSchema),
            ...errors(400, 404),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const stored = await processes.get(services.accountOf(request), request.params.id);
        if (!stored) {
          throw notFound(`Process ${request.params.id}`);
        }
        const filename = `${stored.document.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'process'}.junction.json`;
        return reply
          .type('application/json')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(serializeProcess(stored.document));
      },
    );

    app.post(
      '/api/processes/import',
      {
        schema: {
          ...operation('importProcess', 'processes'),
          body: ProcessDocumentSchema,
          response: { 201: ProcessImportedSchema, ...errors(400), ...AUTH_ERRORS },
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request, reply) => {
        const imported = readProcessBody(
          request.body,
          'The file is not a Junction process.',
          jsonTextOf(request),
        );
        const account = services.accountOf(request);
        // An id already in use means a second copy of the same file: keep both.
        const saver = callerOf(request);
        const document = (await processes.create(account, imported, saver))
          ? imported
          : { ...imported, id: randomUUID() };
        if (document !== imported) {
          await processes.create(account, document, saver);
        }
        return reply.status(201).send({
          id: document.id,
          revision: 1,
          issues: await validateInAccount(processes, account, document),
        });
      },
    );

    app.post(
      '/api/validate',
      {
        schema: {
          ...operation('validateProcess', 'processes'),
          body: ProcessDocumentSchema,
          response: { 200: ValidationResultSchema, ...errors(400), ...AUTH_ERRORS },
        },
        validatorCompiler: acceptAnyBody,
      },
      async (request) => ({
        issues: [
          ...repeatedKeys(jsonTextOf(request), request.body),
          ...(await validateInAccount(processes, services.accountOf(request), request.body)),
        ],
      }),
    );
  };
