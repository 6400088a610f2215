import { ConnectorCallError, type ConnectorRecords, type RecordPages } from './types.ts';

const decoder = new TextDecoder();

/**
 * The records of a connector call, a page at a time, parsing pages a gateway sent
 * unparsed here, where the engine runs. A page that is not a JSON array fails the call,
 * named by its place in the list: a source that answers garbage must fail the document,
 * not end the list early as if it were empty. Iteration stops at `maxRecords`.
 */
export async function* recordBatches(
  result: ConnectorRecords,
): AsyncGenerator<unknown[], void, undefined> {
  if (Array.isArray(result)) {
    yield result;
    return;
  }
  if (!isRecordPages(result)) {
    // A host's defect, not the source's: said plainly rather than as a TypeError.
    throw new Error('The connector gateway answered with neither records nor pages.');
  }
  const limit = result.maxRecords ?? Number.POSITIVE_INFINITY;
  let count = 0;
  let index = 0;
  for await (const bytes of result.pages) {
    index += 1;
    if (bytes === undefined) {
      continue;
    }
    const items = parsePage(bytes, index);
    const room = limit - count;
    const kept = items.length > room ? items.slice(0, room) : items;
    count += kept.length;
    yield kept;
    if (count >= limit) {
      return;
    }
  }
}

/** Every record of a connector call, as one array. */
export async function recordsOf(result: ConnectorRecords): Promise<unknown[]> {
  if (Array.isArray(result)) {
    return result;
  }
  const records: unknown[] = [];
  for await (const batch of recordBatches(result)) {
    for (const record of batch) {
      records.push(record);
    }
  }
  return records;
}

function parsePage(bytes: Uint8Array, index: number): unknown[] {
  let items: unknown;
  try {
    items = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectorCallError(
      'failure',
      `Page ${index} of the list is not valid JSON: ${reason}`,
    );
  }
  if (!Array.isArray(items)) {
    const got = items === null ? 'null' : typeof items;
    throw new ConnectorCallError(
      'failure',
      `Page ${index} of the list is JSON ${got}, not an array of records.`,
    );
  }
  return items;
}

export function isRecordPages(value: unknown): value is RecordPages {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const { pages } = value as { pages?: unknown };
  return (
    typeof pages === 'object' &&
    pages !== null &&
    (Symbol.iterator in pages || Symbol.asyncIterator in pages)
  );
}

/**
 * The buffer a page can be transferred with (not copied) to another thread: only one
 * the page fills whole. A view into a shared pool is copied instead, so transferring
 * never detaches memory that anything else still uses.
 */
export function transferableBuffer(page: Uint8Array | undefined): ArrayBuffer[] {
  const buffer = page?.buffer;
  return buffer instanceof ArrayBuffer &&
    page?.byteOffset === 0 &&
    page.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}
