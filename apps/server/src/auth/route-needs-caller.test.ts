import { describe, expect, it } from 'vitest';
import { routeNeedsCaller } from './request-auth.ts';

describe('routeNeedsCaller', () => {
  it('judges a matched request by its route pattern, whatever the URL looked like', () => {
    expect(routeNeedsCaller('/api/session', '/%61pi/session')).toBe(true);
    expect(routeNeedsCaller('/api/processes/:id', '/api/processes/p1')).toBe(true);
    expect(routeNeedsCaller('/sandbox/connect/public/v1/requests', '/api-looking')).toBe(false);
    expect(routeNeedsCaller('/assets/index.js', '/assets/index.js')).toBe(false);
  });

  it('leaves listener calls to the listener routes, which check their own credentials', () => {
    expect(
      routeNeedsCaller('/api/listen/:environment/:path', '/api/listen/production/orders'),
    ).toBe(false);
    expect(routeNeedsCaller('/api/listen-test/:token', '/api/listen-test/abc')).toBe(false);
    // Managing a listener (its secret, its test URL) is the browser's API as usual.
    expect(
      routeNeedsCaller('/api/processes/:id/listener-secret', '/api/processes/p/listener-secret'),
    ).toBe(true);
  });

  it('asks for credentials on unmatched paths that decode to the API, so routes cannot be mapped', () => {
    for (const url of ['/api/nothing', '/%61pi/nothing', '//API/x', '/api?x=1', '/api']) {
      expect(routeNeedsCaller(undefined, url), url).toBe(true);
    }
    for (const url of ['/processes/p1', '/apix', '/%zz', '/']) {
      expect(routeNeedsCaller(undefined, url), url).toBe(false);
    }
  });
});
