/**
 * Limit/offset pagination over Connect lists: bare JSON arrays plus a
 * `Content-Range: items <first>-<last>/<total>` header (connect-api.md §2.1).
 */

/** Page size used when the caller gives none; the Python client sends the same. */
export const DEFAULT_PAGE_SIZE = 100;
/** Connect silently caps `limit` at 1000, so asking for more would break offset arithmetic. */
export const MAX_PAGE_SIZE = 1000;

/** A parsed `Content-Range` header. */
export interface ContentRange {
  first: number;
  last: number;
  total: number;
}

/** One fetched page: the items and the header that came with them. */
export interface Page<T> {
  items: readonly T[];
  contentRange: ContentRange | undefined;
}

/** Fetches the page at `offset` with `limit` items. */
export type PageFetcher<T> = (limit: number, offset: number) => Promise<Page<T>>;

/** Parses `items 0-99/1234`; returns undefined for a missing or malformed header. */
export function parseContentRange(header: string | null): ContentRange | undefined {
  const match = header?.trim().match(/^items\s+(\d+)-(\d+)\/(\d+)$/i);
  if (!match) {
    return undefined;
  }
  return { first: Number(match[1]), last: Number(match[2]), total: Number(match[3]) };
}

/** Clamps a requested page size into 1…{@link MAX_PAGE_SIZE}; non-numbers give the default. */
export function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) {
    return DEFAULT_PAGE_SIZE;
  }
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(size)));
}

/** Options of {@link paginate}. */
export interface PaginateOptions {
  pageSize?: number;
  /** Stop after this many items (the last request asks only for what is still needed). */
  maxRecords?: number;
  /** First offset; default 0. */
  offset?: number;
}

/**
 * Yields every item of a list, page by page. Stops on an empty page, when `Content-Range` says
 * the last item was reached, when the header is missing (the list is then treated as a single
 * page, like the Python client does) or after `maxRecords` items.
 */
export async function* paginate<T>(
  fetchPage: PageFetcher<T>,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const pageSize = clampPageSize(options.pageSize);
  const max = options.maxRecords ?? Number.POSITIVE_INFINITY;
  let offset = Math.max(0, options.offset ?? 0);
  let yielded = 0;
  while (yielded < max) {
    const limit = Math.min(pageSize, max - yielded);
    const page = await fetchPage(limit, offset);
    for (const item of page.items.slice(0, max - yielded)) {
      yield item;
      yielded += 1;
    }
    const range = page.contentRange;
    if (page.items.length === 0 || range === undefined || range.last >= range.total - 1) {
      return;
    }
    // Advance by what the server returned: if it capped `limit` below ours we must not skip.
    offset += page.items.length;
  }
}

/**
 * One page as the bytes of its body, unparsed (undefined for an empty body): its items are
 * counted by its `Content-Range`, so whoever parses it may do so elsewhere (another thread).
 */
export interface RawPage {
  bytes: Uint8Array | undefined;
  contentRange: ContentRange | undefined;
}

/**
 * {@link paginate} for unparsed pages: yields each page's body and advances by the number
 * of items its `Content-Range` names. It stops where `paginate` would (a missing header means
 * a single page); a page may hold more items than were asked for only when a server ignores
 * `limit`, so a caller that must not exceed `maxRecords` trims after parsing.
 */
export async function* paginateRaw(
  fetchPage: (limit: number, offset: number) => Promise<RawPage>,
  options: PaginateOptions = {},
): AsyncGenerator<RawPage, void, undefined> {
  const pageSize = clampPageSize(options.pageSize);
  const max = options.maxRecords ?? Number.POSITIVE_INFINITY;
  let offset = Math.max(0, options.offset ?? 0);
  let counted = 0;
  while (counted < max) {
    const page = await fetchPage(Math.min(pageSize, max - counted), offset);
    // An empty page names itself `offset-offset`, so its emptiness is read from the body,
    // before the caller has it: a caller may transfer the bytes to another thread, and
    // a detached page reads as no bytes at all.
    const empty = page.bytes === undefined || isEmptyJsonArray(page.bytes);
    yield page;
    const range = page.contentRange;
    const items = range === undefined ? 0 : range.last - range.first + 1;
    if (range === undefined || items <= 0 || range.last >= range.total - 1 || empty) {
      return;
    }
    counted += items;
    offset += items;
  }
}

const isJsonSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Whether `bytes` is `[]` (whitespace allowed), read without parsing the rest of a page. */
export function isEmptyJsonArray(bytes: Uint8Array): boolean {
  let i = 0;
  while (isJsonSpace(bytes[i])) {
    i += 1;
  }
  if (bytes[i] !== 0x5b) {
    return false;
  }
  i += 1;
  while (isJsonSpace(bytes[i])) {
    i += 1;
  }
  if (bytes[i] !== 0x5d) {
    return false;
  }
  i += 1;
  while (isJsonSpace(bytes[i])) {
    i += 1;
  }
  return i === bytes.length;
}
