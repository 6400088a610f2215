import { createProcess } from '@junction/process-model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RevisionsPage } from './revisions-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const document = createProcess({ id: 'p', name: 'Orders' });
const revisions = [
  { revision: 2, savedAt: '2026-01-02T00:00:00Z', author: { kind: 'install' }, restoredFrom: null },
  {
    revision: 1,
    savedAt: '2026-01-01T00:00:00Z',
    author: { kind: 'token', tokenId: 't', name: 'CI' },
    restoredFrom: null,
  },
];

/** The server: a session of `role`, two revisions, and a restore that first meets a newer save. */
function server(role: string) {
  let restores = 0;
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/session') {
      return answer(200, { homeAccountId: 'default', accountId: 'default', role });
    }
    if (url === '/api/processes/p/revisions') {
      return answer(200, { items: revisions });
    }
    if (url === '/api/processes/p/revisions/1') {
      return answer(200, { revision: 1, document });
    }
    if (url === '/api/processes/p/revisions/1/restore' && init?.method === 'POST') {
      restores += 1;
      return restores === 1
        ? answer(409, {
            error: 'conflict',
            message: 'Someone saved revision 3',
            current: { revision: 3, document, updatedAt: '2026-01-03T00:00:00Z' },
          })
        : answer(200, { revision: 4, document, updatedAt: '2026-01-04T00:00:00Z', issues: [] });
    }
    return answer(404, { error: 'not-found', message: url });
  });
}

function renderPage(fetch: ReturnType<typeof server>) {
  vi.stubGlobal('fetch', fetch);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RevisionsPage processId="p" revision={1} />
    </QueryClientProvider>,
  );
}

const ifMatches = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls
    .filter(([url]) => url.endsWith('/restore'))
    .map(([, init]) => (init?.headers as Record<string, string> | undefined)?.['if-match']);

describe('RevisionsPage', () => {
  it('lists who saved each revision and draws the chosen one read-only', async () => {
    renderPage(server('admin'));
    expect(await screen.findByText(/by token “CI”/)).toBeTruthy();
    expect(screen.getByText(/by the administrator/)).toBeTruthy();
    expect(await screen.findByLabelText('Revision 1 (read-only)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Revision 1' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('lets a viewer look but not restore', async () => {
    renderPage(server('viewer'));
    expect(await screen.findByText(/may look at revisions but not restore them/)).toBeTruthy();
    const restore = screen.getByRole('button', { name: 'Restore this revision' });
    expect(restore.hasAttribute('disabled')).toBe(true);
  });

  it('restores over a newer save only when asked, with that revision as If-Match', async () => {
    const fetch = server('builder');
    renderPage(fetch);
    const restore = await screen.findByRole('button', { name: 'Restore this revision' });
    await vi.waitFor(() => expect(restore.hasAttribute('disabled')).toBe(false));
    fireEvent.click(restore);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone saved revision 3');
    expect(ifMatches(fetch)).toEqual(['"2"']);
    fireEvent.click(screen.getByRole('button', { name: 'Restore over revision 3' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/processes/p'));
    expect(ifMatches(fetch)).toEqual(['"2"', '"3"']);
  });
});
