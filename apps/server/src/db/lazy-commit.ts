/**
 * A WITH item that lets the statement's own transaction commit without waiting for its
 * WAL to reach disk (`synchronous_commit` off for that transaction alone; the setting
 * is read when it commits). The statement must read `lazy_commit` somewhere, or the
 * item is never run.
 *
 * Only for live events (`run_events`), which serve watchers for a minute and are not
 * the run's record: a crash of the database, or of its machine, within a moment of
 * such a commit can lose the last events it wrote. Watchers then get the run's end
 * from its record (the relay's catch-up), and the record, its documents and its log
 * are committed durably as before. Each events write saved a disk flush: a few per
 * cent of the CPU a short execution took on a 2-core machine (bench/notes.md).
 * A lazy statement never goes inside a caller's transaction, which would lose its
 * durability too: the outbox holds the `Database`, not a transaction.
 */
export const LAZY_COMMIT = `lazy_commit AS (SELECT set_config('synchronous_commit', 'off', true) AS off)`;
