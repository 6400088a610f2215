/**
 * The one data-layer seam: embedded PGlite and a PostgreSQL server both speak
 * PostgreSQL, so repositories write plain SQL once against this interface.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Stops a LISTEN started with `Database.listen`. */
export type Unlisten = () => Promise<void>;

export interface Database extends Queryable {
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs a script of several statements without parameters (the job queue's schema and
   * its locked blocks) and returns the rows of all of them, in order. A statement run
   * here is planned on every call, never kept prepared.
   */
  exec(script: string): Promise<Record<string, unknown>[]>;
  /**
   * LISTENs on `channel` (NOTIFY from any session, this one included). `onReconnect` is
   * called after the listening connection was lost and listens again, since
   * notifications sent in between are gone: the caller catches up from the tables.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<Unlisten>;
  close(): Promise<void>;
  /**
   * Runs `COPY <into> FROM … WITH (FORMAT binary)` with `data` as its input
   * (`encodeCopyBinary`). Embedded PGlite only: its one connection reads a file in
   * process, where a statement's parameters would be copied and parsed. Without it,
   * callers insert with parameters.
   */
  copyBinary?(into: string, data: Uint8Array): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
  /** The schema this instance's tables live in (`public` unless one was chosen). */
  readonly schema: string;
}

/** LISTEN takes an identifier, not a parameter: channel names are quoted here, once. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
