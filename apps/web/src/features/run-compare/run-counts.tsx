import type { RunRecord } from '@junction/api';
import { localTime } from '../../lib/local-time.ts';
import { RUN_STATUS_TEXT } from '../runs/run-status-text.ts';

type Counts = RunRecord['shapes'][string] | undefined;

/** A shape's in, out and in-error counts in one run, each marked where the other run differs. */
export function CountCells({ mine, theirs }: { mine: Counts; theirs: Counts }) {
  const cells: [keyof NonNullable<Counts>, string][] = [
    ['documentsIn', 'in'],
    ['documentsOut', 'out'],
    ['documentsInError', 'in error'],
  ];
  return (
    <>
      {cells.map(([key]) => {
        const value = mine?.[key];
        const differs = value !== theirs?.[key];
        return (
          <td key={key} className={`is-number${differs ? ' is-different' : ''}`}>
            {value ?? '—'}
          </td>
        );
      })}
    </>
  );
}

/** One run's status, start and duration as a term and its description. */
export function RunFacts({ label, run }: { label: string; run: RunRecord }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {RUN_STATUS_TEXT[run.status]} · started {localTime(run.startedAt)}
        {run.durationMs !== null && ` · ${(run.durationMs / 1000).toFixed(2)} s`}
      </dd>
    </>
  );
}
