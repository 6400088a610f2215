import type { RunDocument } from '@junction/runtime';
import Type from 'typebox';
import { HttpError } from '../errors.ts';
import type { PinnedDocument } from '../repositories/pinned-input-repository.ts';

/** Enough for any test; a run's real input comes from its Start connector. */
export const MAX_START_DOCUMENTS = 10_000;

export const StartDocumentSchema = Type.Object({
  data: Type.String(),
  properties: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export const StartDocumentsSchema = Type.Array(StartDocumentSchema, {
  maxItems: MAX_START_DOCUMENTS,
});

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

/** Checks start documents from a body whose schema is not enforced (the run body). */
export function readStartDocuments(value: unknown, field: string): PinnedDocument[] {
  if (!Array.isArray(value)) {
    throw new HttpError(400, 'bad-request', `${field} must be an array of documents.`);
  }
  if (value.length > MAX_START_DOCUMENTS) {
    throw new HttpError(
      400,
      'bad-request',
      `${field} may hold at most ${MAX_START_DOCUMENTS} documents.`,
    );
  }
  return value.map((doc: unknown, i) => {
    const item = doc as { data?: unknown; properties?: unknown } | null;
    if (typeof item !== 'object' || item === null || typeof item.data !== 'string') {
      throw new HttpError(400, 'bad-request', `${field}/${i}/data must be a string.`);
    }
    if (item.properties !== undefined && !isRecordOfStrings(item.properties)) {
      throw new HttpError(
        400,
        'bad-request',
        `${field}/${i}/properties must map names to strings.`,
      );
    }
    return { data: item.data, properties: item.properties ?? {} };
  });
}

/**
 * Documents handed to Start get ids of their own ("in-1", …): the engine numbers
 * the documents it makes "d1", "d2", …, and earlier runs' ids would collide.
 */
export function asRunDocuments(documents: readonly PinnedDocument[]): RunDocument[] {
  return documents.map((doc, i) => ({
    id: `in-${i + 1}`,
    data: doc.data,
    properties: { ...doc.properties },
  }));
}
