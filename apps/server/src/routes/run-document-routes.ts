import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DocumentDetailSchema,
  DocumentDirectionSchema,
  DocumentPageSchema,
  RunLogListSchema,
} from '@junction/api';
import { trackedSide } from '@junction/process-model';
import Type from 'typebox';
import { notFound } from '../errors.ts';
import type {
  DocumentDirection,
  StoredDocumentRow,
} from '../repositories/run-document-repository.ts';
import { missingParentNote } from '../runs/missing-parent.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { MAX_INT32 } from './schemas.ts';

/** Lists show the first 10 KB of a document, as Boomi's Document Viewer does. */
const PREVIEW_CHARS = 10 * 1024;

const RunParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });
const Id = Type.String({ minLength: 1, maxLength: 200 });

function preview(row: StoredDocumentRow) {
  const truncated = row.data.length > PREVIEW_CHARS;
  return {
    seq: row.seq,
    documentId: row.documentId,
    parentId: row.parentId,
    port: row.port,
    error: row.error,
    properties: row.properties,
    data: truncated ? row.data.slice(0, PREVIEW_CHARS) : row.data,
    truncated,
    size: row.data.length,
  };
}

/** What a run did, document by document: Test mode's Shape Source Data and Logs. */
export const runDocumentRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    async function requireRun(account: string, id: string) {
      const run = await services.runs.get(account, id);
      if (!run) {
        throw notFound(`Run ${id}`);
      }
      return run;
    }

    app.get(
      '/api/runs/:id/shapes/:shapeId/documents',
      {
        schema: {
          ...operation('listShapeDocuments', 'runs'),
          params: Type.Object({ id: RunParams.properties.id, shapeId: Id }),
          querystring: Type.Object({
            /** `tracked`: the side Process Reporting keeps for the shape (trackedSide). */
            direction: Type.Union(
              [
                Type.Literal('in'),
                Type.Literal('out'),
                Type.Literal('error'),
                Type.Literal('tracked'),
              ],
              { default: 'in' },
            ),
            offset: Type.Integer({ minimum: 0, maximum: MAX_INT32, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          }),
          response: { 200: DocumentPageSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        const { id, shapeId } = request.params;
        await requireRun(account, id);
        let direction: DocumentDirection | undefined;
        if (request.query.direction === 'tracked') {
          const shape = (await services.runs.document(account, id))?.shapes[shapeId];
          direction = shape && trackedSide(shape);
        } else {
          direction = request.query.direction;
        }
        if (!direction) {
          return { items: [], total: 0 };
        }
        const page = await services.runDocuments.pageForShape(
          account,
          id,
          shapeId,
          direction,
          request.query,
        );
        return { items: page.items.map(preview), total: page.total };
      },
    );

    app.get(
      '/api/runs/:id/documents/:documentId',
      {
        schema: {
          ...operation('getRunDocument', 'runs'),
          params: Type.Object({ id: RunParams.properties.id, documentId: Id }),
          querystring: Type.Object({
            /** Data and properties as the document was at this shape (else at its last one). */
            shape: Type.Optional(Id),
            /** With `shape`: as it entered (`in`), left (`out`) or failed (`error`) there. */
            direction: Type.Optional(DocumentDirectionSchema),
          }),
          response: { 200: DocumentDetailSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        const { id, documentId } = request.params;
        const run = await requireRun(account, id);
        const appearances = await services.runDocuments.appearances(account, id, documentId);
        const last = appearances.at(-1);
        if (!last) {
          throw notFound(`Document ${documentId} in run ${id}`);
        }
        // A document keeps its id through shapes that change it (a Message, a Set
        // Properties): the one opened at a shape is the one as it was there.
        const { shape, direction } = request.query;
        const shown =
          shape === undefined
            ? last
            : appearances.findLast(
                (a) =>
                  a.shapeId === shape && (direction === undefined || a.direction === direction),
              );
        if (!shown) {
          throw notFound(
            `Document ${documentId} at shape ${shape}${direction ? ` (${direction})` : ''} in run ${id}`,
          );
        }
        const { parentId } = last;
        const parentNote =
          parentId === null || (await services.runDocuments.holds(account, id, parentId))
            ? null
            : missingParentNote(run, parentId);
        return {
          documentId,
          parentId,
          parentNote,
          // Nearest parent first: the documents this one was split, combined or fetched from.
          lineage: await services.runDocuments.ancestors(account, id, documentId),
          data: shown.data,
          properties: shown.properties,
          appearances: appearances.map((a) => ({
            seq: a.seq,
            shapeId: a.shapeId,
            direction: a.direction,
            port: a.port,
            error: a.error,
            properties: a.properties,
          })),
          logs: await services.runDocuments.logs(account, id, { documentId }),
        };
      },
    );

    app.get(
      '/api/runs/:id/logs',
      {
        schema: {
          ...operation('listRunLogs', 'runs'),
          params: RunParams,
          response: { 200: RunLogListSchema, ...errors(400, 404), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const account = services.accountOf(request);
        await requireRun(account, request.params.id);
        return { items: await services.runDocuments.logs(account, request.params.id) };
      },
    );
  };
