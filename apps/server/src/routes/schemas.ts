import { ProcessDocumentSchema } from '@junction/process-model';
import Type from 'typebox';

/** PostgreSQL `integer` columns stop here; larger numbers must be a 400, not a database error. */
export const MAX_INT32 = 2_147_483_647;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });

export { ProcessDocumentSchema };

/**
 * Process documents are checked by process-model's own validation, which points
 * at the exact field; the route schema still documents the shape in OpenAPI.
 */
export const acceptAnyBody = () => (data: unknown) => ({ value: data });
