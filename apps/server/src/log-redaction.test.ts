import { describe, expect, it } from 'vitest';
import { REDACTED, redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it('hides credential-like query values and keeps the rest as written', () => {
    expect(redactUrl('/?access_token=s3cret&tab=runs')).toBe(`/?access_token=${REDACTED}&tab=runs`);
    expect(redactUrl('/api/x?a=1&token=abc#frag')).toBe(`/api/x?a=1&token=${REDACTED}#frag`);
    expect(redactUrl('/p?API_KEY=k&client_secret=c')).toBe(
      `/p?API_KEY=${REDACTED}&client_secret=${REDACTED}`,
    );
    expect(redactUrl('/p?access%5Ftoken=s3cret')).toBe(`/p?access%5Ftoken=${REDACTED}`);
  });

  it('leaves URLs without credentials alone', () => {
    expect(redactUrl('/api/runs?limit=5')).toBe('/api/runs?limit=5');
    expect(redactUrl('/api/health')).toBe('/api/health');
  });
});
