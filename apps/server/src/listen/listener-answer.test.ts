import { describe, expect, it } from 'vitest';
import { answerFrom } from './listener-answer.ts';

const SANDBOXED = "sandbox; default-src 'none'; frame-ancestors 'none'";

const document = (data: string, properties: Record<string, string> = {}) => ({
  id: 'd',
  data,
  properties,
});

describe('a listener’s answer', () => {
  it('is the one document as it is, JSON when it reads as JSON', () => {
    expect(answerFrom([document('{"a":1}')])).toEqual({
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-security-policy': SANDBOXED,
      },
      body: '{"a":1}',
    });
    expect(answerFrom([document('plain')]).headers['content-type']).toContain('text/plain');
    expect(answerFrom([])).toEqual({
      status: 204,
      headers: { 'content-security-policy': SANDBOXED },
      body: '',
    });
  });

  it('joins several documents: a JSON array, or one per line', () => {
    expect(answerFrom([document('1'), document('{"b":2}')]).body).toBe('[1,{"b":2}]');
    expect(answerFrom([document('a'), document('b')]).body).toBe('a\nb');
  });

  it('takes status and headers from the first document, but never the server’s own headers', () => {
    const answer = answerFrom([
      document('<x/>', {
        'listen.response.status': '202',
        'listen.response.header.Content-Type': 'application/xml',
        'listen.response.header.x-trace': 't-1',
        'listen.response.header.content-length': '1',
        'listen.response.header.set-cookie': 'session=stolen',
        'listen.response.header.x-frame-options': 'ALLOWALL',
        'listen.response.header.x-split': 'a\r\nx-injected: 1',
        'listen.response.header.x bad': 'v',
        'listen.response.header.content-security-policy': 'default-src *',
      }),
    ]);
    expect(answer.status).toBe(202);
    expect(answer.headers).toEqual({
      'content-type': 'application/xml',
      'x-trace': 't-1',
      'content-security-policy': SANDBOXED,
    });
  });

  it('is a sandbox that loads nothing, and never JavaScript, whoever opens it', () => {
    // A page a builder wrote, opened by an admin from a link, must not run as the app.
    const page = answerFrom([
      document('<script src="/api/listen-test/t2"></script>', {
        'listen.response.header.content-type': 'text/html',
      }),
    ]);
    expect(page.headers['content-security-policy']).toBe(SANDBOXED);
    for (const type of [
      'text/javascript',
      'Application/JavaScript; charset=utf-8',
      'text/jscript',
    ]) {
      expect(() =>
        answerFrom([
          document('fetch("/api/platform/v1/Token")', {
            'listen.response.header.content-type': type,
          }),
        ]),
      ).toThrow(/may not answer with JavaScript/);
    }
  });

  it('keeps 200 when the status property is no status', () => {
    for (const status of ['abc', '99', '600', '1e2', '200.5', '']) {
      expect(answerFrom([document('x', { 'listen.response.status': status })]).status, status).toBe(
        200,
      );
    }
  });
});
