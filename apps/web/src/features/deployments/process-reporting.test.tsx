import type { RunRecord } from '@junction/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choicesOf, chooseIn } from '../../ui/select.test-utils.ts';
import { runRecord } from '../runs/run-record.test-utils.ts';
import { executionsQuery } from './execution-queries.ts';
import { ProcessReporting } from './process-reporting.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const record = (over: Partial<RunRecord>): RunRecord =>
  runRecord({
    id: 'run-1',
    processId: 'orders',
    processName: 'Orders',
    connectionId: '',
    executionType: 'exec_manual',
    startedAt: '2025-01-01T10:00:00.000Z',
    finishedAt: '2025-01-01T10:00:02.500Z',
    revision: 2,
    deploymentId: 'd-1',
    environmentId: 'e-1',
    documentsIn: 7,
    documentsOut: 3,
    durationMs: 2500,
    ...over,
  });

/** Renders the table over a seeded first page; `fetch` answers everything else. */
function renderReporting(items: RunRecord[], fetch: typeof globalThis.fetch) {
  vi.stubGlobal('fetch', fetch);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  client.setQueryData(executionsQuery({ page: 0 }).queryKey, { items, total: items.length });
  render(
    <QueryClientProvider client={client}>
      <ProcessReporting processes={[]} />
    </QueryClientProvider>,
  );
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

describe('Process Reporting', () => {
  it('shows Boomi’s status words, the execution type, counts and elapsed time', () => {
    renderReporting(
      [
        record({}),
        record({
          id: 'run-2',
          status: 'complete-warn',
          executionStatus: 'COMPLETE_WARN',
          executionType: 'exec_sched',
        }),
        record({ id: 'run-3', status: 'aborted', executionStatus: 'ABORTED', error: 'Cancelled.' }),
      ],
      vi.fn(async () => json({ items: [], total: 0 })),
    );
    const rows = screen.getAllByRole('row').slice(1);
    const cells = (i: number) =>
      within(rows[i]!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(0).slice(0, 7)).toEqual([
      'Complete',
      'Orders (revision 2)',
      'Manual',
      '7',
      '3',
      '0',
      '2.5 s',
    ]);
    expect(cells(1).slice(0, 3)).toEqual([
      'Complete with warnings',
      'Orders (revision 2)',
      'Scheduled',
    ]);
    expect(cells(2)[0]).toBe('Cancelled');
    expect(cells(2)[8]).toBe('Cancelled.');
    expect(screen.getByText('1–3 of 3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('offers Cancel only on a running execution and asks the server to cancel it', async () => {
    const fetch = vi.fn(async (url: RequestInfo | URL) =>
      String(url).includes('cancel-execution')
        ? json({ executionId: 'run-2', status: 'CANCELLING' })
        : json({ items: [], total: 0 }),
    );
    renderReporting(
      [
        record({}),
        record({ id: 'run-2', status: 'running', executionStatus: 'INPROCESS', durationMs: null }),
      ],
      fetch,
    );
    const running = screen.getAllByRole('row')[2]!;
    expect(within(running).getAllByRole('cell')[0]?.textContent).toBe('Running');
    expect(within(running).getAllByRole('cell')[6]?.textContent).toBe('—');
    expect(screen.getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);

    fireEvent.click(within(running).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/platform/v1/execute/cancel-execution',
        expect.objectContaining({ method: 'POST', body: JSON.stringify({ executionId: 'run-2' }) }),
      ),
    );
  });

  it('asks for Boomi’s status when filtering by status, from the first page', async () => {
    const fetch = vi.fn(async () => json({ items: [], total: 0 }));
    renderReporting([record({})], fetch);
    chooseIn(screen.getByLabelText('Status'), 'ABORTED');
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/executions?status=ABORTED&limit=20&offset=0',
        expect.anything(),
      ),
    );
    expect(choicesOf(screen.getByLabelText('Status'))).toEqual([
      'Any status',
      'Complete',
      'Complete with warnings',
      'Error',
      'Cancelled',
      'Discarded',
      'Running',
    ]);
  });
});
