import { describe, expect, it } from 'vitest';
import { answerFrom } from './listener-answer.ts';

const document = (data: string, properties: Record<string, string> = {}) => ({
  id: 'd',
  data,
  properties,
});

describe('a listener’s answer', () => {
  it('is the one document as it is, JSON when it reads as JSON', () => {
    expect(answerFrom([document('{"a":1}')])).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"a":1}',
    });
    expect(answerFrom([document('plain')]).headers['content-type']).toContain('text/plain');
    expect(answerFrom([])).toEqual({ status: 204, headers: {}, body: '' });
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
      }),
    ]);
    expect(answer.status).toBe(202);
    expect(answer.headers).toEqual({ 'content-type': 'application/xml', 'x-trace': 't-1' });
  });

  it('keeps 200 when the status property is no status', () => {
    for (const status of ['abc', '99', '600', '1e2', '200.5', '']) {
      expect(answerFrom([document('x', { 'listen.response.status': status })]).status, status).toBe(
        200,
      );
    }
  });
});
