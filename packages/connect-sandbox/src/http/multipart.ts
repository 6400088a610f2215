import type { FastifyRequest } from 'fastify';
import { validationError } from '../errors.ts';

/** An uploaded file as the sandbox keeps it: metadata only, the bytes are not parsed. */
export interface UploadedFile {
  filename: string;
  size: number;
  fields: Record<string, string>;
}

/**
 * Reads a multipart body and returns the file sent in `fieldName` plus the
 * plain fields. A non-multipart request or a missing file → 400 VAL_001.
 */
export async function readUpload(
  request: FastifyRequest,
  fieldName: string,
): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw validationError(`${fieldName}: No file was submitted. Use multipart/form-data.`);
  }
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // Counted as it streams, never held: the demo token is public, and a file of the
      // largest size each, in memory, is what anyone could make the server keep.
      let size = 0;
      for await (const chunk of part.file) {
        size += (chunk as Buffer).length;
      }
      if (part.file.truncated) {
        throw validationError(`${part.fieldname}: The file is larger than the sandbox takes.`);
      }
      if (part.fieldname === fieldName) {
        file = { filename: part.filename, size, fields };
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (file === undefined) {
    throw validationError(`${fieldName}: No file was submitted.`);
  }
  return file;
}
