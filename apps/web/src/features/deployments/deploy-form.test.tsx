import type { EnvironmentView } from '@junction/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choicesOf, chooseIn } from '../../ui/select.test-utils.ts';
import { DeployForm } from './deploy-form.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const environments: EnvironmentView[] = [
  { id: 'env-test', name: 'Test', classification: 'TEST', createdAt: '' },
  { id: 'env-prod', name: 'Production', classification: 'PROD', createdAt: '' },
];
const processes = [{ id: 'orders', name: 'Orders', revision: 3, updatedAt: '', lastRun: null }];

function renderForm(fetch: typeof globalThis.fetch) {
  vi.stubGlobal('fetch', fetch);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <DeployForm environments={environments} processes={processes} />
    </QueryClientProvider>,
  );
}

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const sentBody = (fetch: ReturnType<typeof vi.fn>) =>
  JSON.parse(String((fetch.mock.calls[0]?.[1] as RequestInit | undefined)?.body));

describe('DeployForm', () => {
  it('deploys the latest revision by default, or the one chosen', async () => {
    const fetch = vi.fn(async () =>
      answer(200, { id: 'd', environmentId: 'env-prod', processId: 'orders', revision: 2 }),
    );
    renderForm(fetch);
    chooseIn(screen.getByRole('combobox', { name: 'Environment' }), 'env-prod');
    chooseIn(screen.getByRole('combobox', { name: 'Process' }), 'orders');
    const revision = screen.getByRole('combobox', { name: 'Revision' });
    expect(revision.textContent).toBe('3 (latest)');
    expect(choicesOf(revision)).toEqual(['3 (latest)', '2', '1']);
    chooseIn(revision, '2');
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await screen.findByText('Deployed Orders revision 2 to Production.');
    expect(sentBody(fetch)).toEqual({
      environmentId: 'env-prod',
      processId: 'orders',
      revision: 2,
    });
  });

  it('shows the server’s refusal of a cron next to the schedule, until it is edited', async () => {
    const fetch = vi.fn(async () =>
      answer(400, { error: 'bad-schedule', message: 'Cron minute "61" is outside 0-59.' }),
    );
    renderForm(fetch);
    chooseIn(screen.getByRole('combobox', { name: 'Process' }), 'orders');
    fireEvent.click(screen.getByRole('button', { name: 'Add schedule' }));
    const cron = within(screen.getByRole('group', { name: 'Schedule 1' })).getByLabelText('Cron');
    fireEvent.change(cron, { target: { value: '61 * * * *' } });
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));

    const schedules = screen.getByRole('group', { name: 'Schedules' });
    const alert = await within(schedules).findByRole('alert');
    expect(alert.textContent).toBe('Cron minute "61" is outside 0-59.');
    expect(cron.getAttribute('aria-invalid')).toBe('true');
    expect(cron.getAttribute('aria-describedby')).toBe(alert.id);
    expect(sentBody(fetch).schedules).toEqual([{ cron: '61 * * * *', timeZone: 'UTC' }]);

    fireEvent.change(cron, { target: { value: '0 * * * *' } });
    await waitFor(() => expect(within(schedules).queryByRole('alert')).toBeNull());
    expect(cron.getAttribute('aria-invalid')).toBe('false');
  });

  it('shows any other refusal under the form', async () => {
    renderForm(
      vi.fn(async () =>
        answer(404, { error: 'not-found', message: 'Process orders does not exist.' }),
      ),
    );
    chooseIn(screen.getByRole('combobox', { name: 'Process' }), 'orders');
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Process orders does not exist.');
  });
});
