import { importBoomiProcess } from '@junction/process-model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import connectBundle from '../../../../../packages/process-model/src/import/boomi/fixtures/connect-bundle.xml?raw';
import { ProcessListPage } from './process-list-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

/** The server's answers: the preview is what the real converter makes of the fixture. */
function server() {
  const converted = importBoomiProcess(connectBundle, { id: 'boomi-1' });
  if (!converted.ok) {
    throw new Error(converted.problem.message);
  }
  const { document, mapped, omitted, issues } = converted;
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/processes/import/boomi') {
      return init?.body === connectBundle &&
        (init.headers as Record<string, string>)['content-type'] === 'application/xml'
        ? answer(200, { document, mapped, omitted, issues })
        : answer(400, { error: 'invalid-boomi-xml', message: 'unexpected body' });
    }
    if (url === '/api/processes' && init?.method === 'POST') {
      return answer(201, { id: 'new-1', revision: 1, document: {} });
    }
    if (url === '/api/processes/import') {
      return answer(201, { id: JSON.parse(String(init?.body)).id, revision: 1, issues: [] });
    }
    return answer(200, { items: [], total: 0 });
  });
}

function renderPage(fetch: ReturnType<typeof server>) {
  vi.stubGlobal('fetch', fetch);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ProcessListPage />
    </QueryClientProvider>,
  );
}

function pick(file: File) {
  fireEvent.change(screen.getByLabelText('Import file…'), { target: { files: [file] } });
}

describe('ProcessListPage: Boomi import', () => {
  it('previews a Boomi export, then creates the process from the preview', async () => {
    const fetch = server();
    renderPage(fetch);
    pick(new File([connectBundle], 'approve.xml', { type: 'text/xml' }));

    const preview = await screen.findByRole('region', {
      name: 'Import “Approve purchase requests” from Boomi',
    });
    expect(within(preview).getByLabelText('Preview of the imported process')).toBeTruthy();
    // The diff view against an empty process: everything the import makes is added.
    expect(within(preview).getByLabelText('Summary of differences').textContent).toMatch(
      /^\d+ shapes added · \d+ connections added · \d+ notes added$/,
    );
    expect(within(preview).getByRole('button', { name: 'Approve — added' })).toBeTruthy();
    const mapped = within(preview).getByRole('list', { name: 'Shapes mapped (4)' });
    expect(within(mapped).getByText('Approve: Boomi connectoraction → Connector')).toBeTruthy();
    const omitted = within(preview).getByRole('list', { name: /^Left out/ });
    expect(within(omitted).getByText(/ARCHIVE/)).toBeTruthy();
    const issues = within(preview).getByRole('list', { name: /^Issues to fix/ });
    expect(within(issues).getAllByText(/Choose a connection/).length).toBeGreaterThan(0);
    // Nothing is stored until the user says so.
    expect(fetch.mock.calls.some(([url]) => url === '/api/processes/import')).toBe(false);

    fireEvent.click(within(preview).getByRole('button', { name: 'Create process' }));
    await vi.waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => url === '/api/processes/import')).toBe(true),
    );
    const sent = fetch.mock.calls.find(([url]) => url === '/api/processes/import')?.[1];
    expect(JSON.parse(String(sent?.body))).toMatchObject({
      id: 'boomi-1',
      name: 'Approve purchase requests',
    });
  });

  it('shows the server’s located error for bad XML and no preview', async () => {
    renderPage(server());
    pick(new File(['<bns:Component>'], 'broken.xml', { type: 'text/xml' }));
    expect((await screen.findByRole('alert')).textContent).toContain('unexpected body');
    expect(screen.queryByRole('region', { name: /from Boomi/ })).toBeNull();
  });

  it('cancels a preview without creating anything', async () => {
    const fetch = server();
    renderPage(fetch);
    pick(new File([connectBundle], 'approve.xml', { type: 'text/xml' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(fetch.mock.calls.some(([url]) => url === '/api/processes/import')).toBe(false);
  });
});

describe('ProcessListPage: first run', () => {
  it('creates an Untitled process at once, with no name to type first', async () => {
    const fetch = server();
    renderPage(fetch);
    const create = screen.getByRole('button', { name: 'Create process' });
    expect(create.hasAttribute('disabled')).toBe(false);
    fireEvent.click(create);
    await vi.waitFor(() => expect(window.location.pathname).toBe('/processes/new-1'));
    const sent = fetch.mock.calls.find(
      ([url, init]) => url === '/api/processes' && init?.method === 'POST',
    )?.[1];
    expect(JSON.parse(String(sent?.body))).toEqual({ name: 'Untitled process' });
  });

  it('says what to do on an empty list, and how to leave a search that found nothing', async () => {
    renderPage(server());
    expect((await screen.findByRole('status')).textContent).toContain('Choose Create process');
    fireEvent.change(screen.getByLabelText('Search processes'), { target: { value: 'zzz' } });
    expect((await screen.findByRole('status')).textContent).toContain(
      'No process name contains “zzz”',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect((screen.getByLabelText('Search processes') as HTMLInputElement).value).toBe('');
  });
});
