import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './router.ts';

describe('router', () => {
  it('parses every route back from its own link', () => {
    const routes: Route[] = [
      { page: 'processes' },
      { page: 'designer', processId: 'a b/c' },
      { page: 'compare', processId: 'a b/compare' },
      { page: 'revisions', processId: 'a b/revisions' },
      { page: 'revisions', processId: 'p', revision: 12 },
      { page: 'run-compare', processId: 'a b/runs', before: 'r/1', after: 'r 2' },
      { page: 'connections' },
      { page: 'deployments' },
      { page: 'accounts' },
    ];
    for (const route of routes) {
      expect(parseRoute(hrefFor(route))).toEqual(route);
    }
  });

  it('falls back to the process list for an unknown path', () => {
    expect(parseRoute('/nowhere')).toEqual({ page: 'processes' });
    // Not a revision number: no route to a revision that cannot exist.
    expect(parseRoute('/processes/p/revisions/0')).toEqual({ page: 'processes' });
    expect(parseRoute('/processes/p/revisions/x')).toEqual({ page: 'processes' });
  });
});
