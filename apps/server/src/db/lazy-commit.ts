/**
 * A WITH item that lets the statement's own transaction commit without waiting for its
 * WAL to reach disk (`synchronous_commit` off for that transaction alone; the setting
 * is read when it commits). The statement must read `lazy_commit` somewhere, or the
 * item is never run.
 *
 * Only for rows a run writes before its end: the end's own commit is durable and
 * flushes the WAL written before it, so a crash can lose such rows only from a run
 * that never ended, which is aborted as lost anyway, or a live event after the end,
 * which watchers get from the run's record instead. Each such statement saved a disk
 * flush: about 8 % of the CPU an execution took on a 2-core machine (bench/notes.md).
 * It never goes inside a caller's transaction, which would lose its durability too.
 */
export const LAZY_COMMIT = `lazy_commit AS (SELECT set_config('synchronous_commit', 'off', true) AS off)`;
