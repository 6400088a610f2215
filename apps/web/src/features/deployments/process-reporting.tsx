import type { ExecutionStatus, ProcessSummary, RunRecord } from '@junction/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Select } from '../../ui/select.tsx';
import { RUN_STATUS_TEXT } from '../runs/run-status-text.ts';
import { cancelExecutionRequest } from './deployment-queries.ts';
import { executionsQuery, REPORTING_PAGE_SIZE, STATUS_FILTERS } from './execution-queries.ts';
import { EXECUTION_TYPE_TEXT, formatElapsed } from './reporting-format.ts';

/**
 * Process Reporting: executions (not tests), newest first, filtered by status and
 * process, a page at a time. The query polls while a listed execution runs.
 */
export function ProcessReporting({ processes }: { processes: ProcessSummary[] }) {
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  const [processId, setProcessId] = useState('');
  const [page, setPage] = useState(0);
  const ids = { status: useId(), process: useId() };
  const executions = useQuery(
    executionsQuery({ status: status || undefined, processId: processId || undefined, page }),
  );
  const total = executions.data?.total ?? 0;
  const items = executions.data?.items ?? [];
  const first = total === 0 ? 0 : page * REPORTING_PAGE_SIZE + 1;
  const last = page * REPORTING_PAGE_SIZE + items.length;

  return (
    <section aria-labelledby="reporting-heading">
      <h2 id="reporting-heading">Process Reporting</h2>
      <fieldset className="row">
        <legend>Filter executions</legend>
        <label htmlFor={ids.status}>
          Status{' '}
          <Select<ExecutionStatus | ''>
            id={ids.status}
            value={status}
            onChange={(next) => {
              setStatus(next);
              setPage(0);
            }}
            choices={[
              { value: '', label: 'Any status' },
              ...STATUS_FILTERS.map((f) => ({ value: f.value, label: RUN_STATUS_TEXT[f.status] })),
            ]}
          />
        </label>
        <label htmlFor={ids.process}>
          Process{' '}
          <Select
            id={ids.process}
            value={processId}
            onChange={(next) => {
              setProcessId(next);
              setPage(0);
            }}
            choices={[
              { value: '', label: 'Any process' },
              ...processes.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        </label>
      </fieldset>
      {executions.error && (
        <p role="alert" className="is-error">
          {executions.error.message}
        </p>
      )}
      <ExecutionTable items={items} />
      {executions.isSuccess && items.length === 0 && (
        <p className="hint">
          {status !== '' || processId !== ''
            ? 'No executions match the filters. Choose Any status and Any process to see every execution.'
            : 'No executions yet. Deploy a process to an environment, then choose Run now or give it a schedule; its executions are listed here.'}
        </p>
      )}
      <nav aria-label="Process Reporting pages" className="row">
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          Previous page
        </button>
        <span>
          {first}–{last} of {total}
        </span>
        <button type="button" disabled={last >= total} onClick={() => setPage((p) => p + 1)}>
          Next page
        </button>
      </nav>
    </section>
  );
}

function ExecutionTable({ items }: { items: RunRecord[] }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: cancelExecutionRequest,
    // Cancelled or already finished: either way the row's status has moved on.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['executions'] }),
  });
  return (
    <>
      <table className="data-table" aria-label="Executions">
        <thead>
          <tr>
            <th>Status</th>
            <th>Process</th>
            <th>Execution type</th>
            <th>In</th>
            <th>Out</th>
            <th>Errors</th>
            <th>Elapsed</th>
            <th>Started</th>
            <th>Error message</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td title={r.executionStatus}>{RUN_STATUS_TEXT[r.status]}</td>
              <td>
                {r.processName}
                {r.revision !== null && <span className="hint"> (revision {r.revision})</span>}
              </td>
              <td>{EXECUTION_TYPE_TEXT[r.executionType]}</td>
              <td>{r.documentsIn}</td>
              <td>{r.documentsOut}</td>
              <td>{r.documentsInError}</td>
              <td>{formatElapsed(r.durationMs)}</td>
              <td>{new Date(r.startedAt).toLocaleString()}</td>
              <td>{r.error ?? ''}</td>
              <td>
                {r.status === 'running' && (
                  <button
                    type="button"
                    disabled={cancel.isPending && cancel.variables === r.id}
                    onClick={() => cancel.mutate(r.id)}
                  >
                    Cancel
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cancel.error && (
        <p role="alert" className="is-error">
          {cancel.error.message}
        </p>
      )}
    </>
  );
}
