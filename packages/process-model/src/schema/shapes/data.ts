import Type from 'typebox';
import { ParameterValueSchema } from '../common.ts';
import { NameSchema, shape, strictObject } from './define.ts';

/** Sub-steps of a Data Process shape; each works on the previous one's output. */
export const DataProcessStepSchema = Type.Union([
  strictObject({
    type: Type.Literal('split'),
    /** Field path of the JSON array to split (`$` = the document is the array). */
    path: Type.String({ maxLength: 1000 }),
    /** Records per output document; 0 and 1 both mean one record each. */
    batchCount: Type.Integer({ minimum: 0 }),
  }),
  /** Joins the batch's JSON documents into one JSON array document. */
  strictObject({ type: Type.Literal('combine') }),
  strictObject({
    type: Type.Literal('custom-script'),
    language: Type.Literal('javascript'),
    source: Type.String({ maxLength: 100_000 }),
  }),
  strictObject({ type: Type.Literal('base64-encode') }),
  strictObject({ type: Type.Literal('base64-decode') }),
  strictObject({
    type: Type.Literal('search-replace'),
    search: Type.String({ maxLength: 10_000 }),
    replace: Type.String({ maxLength: 10_000 }),
    /** Read `search` as a JavaScript regular expression (global) instead of literal text. */
    regex: Type.Boolean(),
  }),
]);

export const DataProcessShapeSchema = shape(
  'data-process',
  strictObject({ steps: Type.Array(DataProcessStepSchema) }),
);

/** A cache entry's key: the concatenation of these parts. */
const CacheKeySchema = Type.Array(ParameterValueSchema);

export const AddToCacheShapeSchema = shape(
  'add-to-cache',
  strictObject({ cache: NameSchema, key: CacheKeySchema }),
);

export const RetrieveFromCacheShapeSchema = shape(
  'retrieve-from-cache',
  strictObject({
    cache: NameSchema,
    /** Take every cached document instead of the ones under `key`. */
    allDocuments: Type.Boolean(),
    key: CacheKeySchema,
    /** Nothing cached: true fails the document, false quietly ends it (Boomi's UI default). */
    failIfMissing: Type.Boolean(),
  }),
);

export const RemoveFromCacheShapeSchema = shape(
  'remove-from-cache',
  strictObject({ cache: NameSchema, allDocuments: Type.Boolean(), key: CacheKeySchema }),
);

export const FindChangesShapeSchema = shape(
  'find-changes',
  strictObject({
    /** Name of the snapshot kept between executions (unlike a document cache). */
    cache: NameSchema,
    /** Field path of each record's identifying key. */
    keyPath: Type.String({ maxLength: 1000 }),
  }),
);
