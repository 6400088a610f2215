import type { ProcessDocument } from '@junction/process-model';
import type { RunOutcome, ShapeStats } from '@junction/runtime';

/** A run shorter than this prints no progress: its summary follows at once. */
const QUIET_MS = 2_000;
/** At most one progress line per this long, so a long run does not flood the terminal. */
const EVERY_MS = 1_000;

function titleOf(document: ProcessDocument, shapeId: string): string {
  return document.shapes[shapeId]?.label || shapeId;
}

/**
 * Progress for long runs, on stderr so stdout keeps only the result: once the run
 * has gone on for two seconds, a line at most every second naming the shape that
 * just finished a batch and the documents it has handed on so far.
 */
export function progressReporter(
  document: ProcessDocument,
  err: (line: string) => void,
  now: () => number = performance.now.bind(performance),
) {
  const started = now();
  let lastLine = started;
  return (shapeId: string, stats: ShapeStats): void => {
    const at = now();
    if (at - started < QUIET_MS || at - lastLine < EVERY_MS) {
      return;
    }
    lastLine = at;
    err(
      `junction: ${((at - started) / 1000).toFixed(1)} s, ${titleOf(document, shapeId)}: ${stats.documentsIn} in, ${stats.documentsOut} out, ${stats.documentsInError} in error`,
    );
  };
}

/**
 * The summary `junction run` prints: a line per shape with its counts and time, the
 * error of each shape that failed documents (indented under it), then the status.
 */
export function summaryLines(document: ProcessDocument, outcome: RunOutcome): string[] {
  const lines: string[] = [];
  for (const [shapeId, stats] of Object.entries(outcome.shapes)) {
    lines.push(
      `${titleOf(document, shapeId).padEnd(24)} ${String(stats.documentsIn).padStart(7)} in ${String(stats.documentsOut).padStart(7)} out ${String(stats.documentsInError).padStart(5)} in error ${stats.elapsedMs.toFixed(1).padStart(9)} ms`,
    );
    if (stats.message && (stats.documentsInError > 0 || stats.status === 'error')) {
      lines.push(`  ${titleOf(document, shapeId)} failed: ${stats.message}`);
    }
  }
  lines.push(
    `${outcome.status.toUpperCase().replace('-', '_')}${outcome.error ? `: ${outcome.error}` : ''}`,
  );
  return lines;
}
