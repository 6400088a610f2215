import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.ts';

/** One client per app (and a fresh one per test): server state lives here, not in zustand. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}
