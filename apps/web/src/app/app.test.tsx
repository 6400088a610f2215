import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../lib/router.ts';
import { App, prefetchFor } from './app.tsx';
import { createQueryClient } from './query-client.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('App opened on a process', () => {
  it('asks for the process while the designer code is still loading', {
    timeout: 30_000,
  }, async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        // No such process: the designer page says so, and no canvas is drawn.
        return url === '/api/processes/p-1'
          ? answer(404, { error: 'not-found', message: 'No process p-1.' })
          : answer(401, { error: 'unauthenticated', message: 'Sign in.' });
      }),
    );
    window.history.replaceState(null, '', '/processes/p-1');
    // As main.tsx starts the app.
    const queryClient = createQueryClient();
    prefetchFor(parseRoute(window.location.pathname), queryClient);
    render(<App queryClient={queryClient} />);
    // Asked for before the first render, not once the page's code has loaded and mounted.
    expect(asked).toContain('/api/processes/p-1');
    // The page's code takes a while to compile under test: waited for, not timed.
    const said = await screen.findByText(
      /Could not open this process: No process p-1\./,
      undefined,
      {
        timeout: 20_000,
      },
    );
    expect(said.getAttribute('role')).toBe('alert');
    // Asked once: the page takes the prefetch's answer instead of asking again on mount.
    expect(asked.filter((url) => url === '/api/processes/p-1')).toHaveLength(1);
    // Asking again is the user's to choose.
    screen.getByRole('button', { name: 'Try again' }).click();
    await vi.waitFor(() =>
      expect(asked.filter((url) => url === '/api/processes/p-1')).toHaveLength(2),
    );
  });
});
