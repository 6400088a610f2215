import type { RunRecord } from '@junction/api';
import { RUN_STATUS_TEXT } from './run-status-text.ts';

function duration(run: RunRecord): string {
  const end = run.finishedAt ? Date.parse(run.finishedAt) : Date.now();
  const ms = Math.max(0, end - Date.parse(run.startedAt));
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The test-run summary bar: status, duration and document counts, with Cancel and Close. */
export function RunSummary({
  run,
  onCancel,
  onClose,
}: {
  run: RunRecord;
  onCancel: () => void;
  onClose: () => void;
}) {
  const stats = Object.values(run.shapes);
  const start = Object.entries(run.shapes).find(([id]) => id === 'start')?.[1];
  const inError = stats.reduce((sum, s) => sum + s.documentsInError, 0);
  return (
    <section className={`run-summary is-${run.status}`} aria-label="Test run">
      <strong role="status">{RUN_STATUS_TEXT[run.status]}</strong>
      <span>{duration(run)}</span>
      <span>{plural(start?.documentsOut ?? 0, 'document')} in</span>
      <span>{plural(inError, 'document')} in error</span>
      {run.error && <span className="run-summary__error">{run.error}</span>}
      {run.status === 'complete-warn' && <span>Warnings are in the Logs tab.</span>}
      {run.status === 'running' ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        <button type="button" onClick={onClose}>
          Back to editing
        </button>
      )}
    </section>
  );
}
