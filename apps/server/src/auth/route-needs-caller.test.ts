import { describe, expect, it } from 'vitest';
import { routeNeedsCaller } from './request-auth.ts';

describe('routeNeedsCaller', () => {
  it('judges a matched request by its route pattern, whatever the URL looked like', () => {
    expect(routeNeedsCaller('/api/session', '/%61pi/session')).toBe(true);
    expect(routeNeedsCaller('/api/processes/:id', '/api/processes/p1')).toBe(true);
    expect(routeNeedsCaller('/sandbox/connect/public/v1/requests', '/api-looking')).toBe(false);
    expect(routeNeedsCaller('/assets/index.js', '/assets/index.js')).toBe(false);
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
