/**
 * Reads the official OpenAPI file once per process. Parsing 2.3 MB of YAML costs about 3 s,
 * so the parsed document is cached as JSON (about 20 ms to read back) under
 * `node_modules/.cache`, keyed by the file's size and mtime; a changed spec is simply re-read.
 */

import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { OpenApiDocument } from './openapi-types.ts';

/** The official spec, vendored with its licence in `vendor/connect-openapi/`. */
export const DEFAULT_SPEC_URL = new URL(
  '../../vendor/connect-openapi/openapi.yml',
  import.meta.url,
);

const CACHE_DIR = new URL('../../node_modules/.cache/connect-spec/', import.meta.url);
// Bump when the cached shape changes.
const CACHE_VERSION = 1;

/** Parses the spec at `location` (default {@link DEFAULT_SPEC_URL}), through the JSON cache. */
export function readSpecDocument(location: string | URL = DEFAULT_SPEC_URL): OpenApiDocument {
  const path = location instanceof URL ? fileURLToPath(location) : location;
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new Error(
      `The Connect OpenAPI spec is not at ${path}. The spec-conformance checks read it from packages/connect-client/vendor/connect-openapi/openapi.yml; restore that file from git.`,
      { cause: error },
    );
  }
  const key = `v${CACHE_VERSION}-${stat.size}-${Math.trunc(stat.mtimeMs)}.json`;
  const cacheFile = new URL(key, CACHE_DIR);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as OpenApiDocument;
  } catch {
    // No cache yet (or a corrupt one): parse the YAML below.
  }
  // uniqueKeys: false skips a duplicate-key scan that costs a second on this file.
  const document = parse(readFileSync(path, 'utf8'), { uniqueKeys: false }) as OpenApiDocument;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename: parallel test workers must never read a half-written cache.
    const temporary = new URL(`${key}.${process.pid}.tmp`, CACHE_DIR);
    writeFileSync(temporary, JSON.stringify(document));
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only checkout just parses every time.
  }
  return document;
}
