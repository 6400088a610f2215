/**
 * The slice of OpenAPI 3.0.3 the validator reads. Schemas stay loosely typed: they are handed to
 * Ajv after normalisation, never inspected field by field beyond what normalisation needs.
 */

/** A JSON Schema / OpenAPI schema object. */
export type SchemaObject = { [keyword: string]: unknown };

export interface Reference {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | Reference)[];
  requestBody?: RequestBodyObject | Reference;
  responses?: Record<string, ResponseObject | Reference>;
}

export type PathItemObject = Partial<
  Record<'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options', OperationObject>
> & { parameters?: (ParameterObject | Reference)[] };

export interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    responses?: Record<string, ResponseObject>;
  };
}
