import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { describeApiError } from './api-issues.ts';

describe('describeApiError', () => {
  it('adds the located issues of a refused request', () => {
    const error = new ApiError(400, {
      error: 'invalid-process',
      message: 'The file is not a Junction process.',
      issues: [
        { pointer: '/shapes/stop', message: 'Duplicate key "stop" at line 9, column 5' },
        { pointer: '', message: 'must be a JSON object' },
      ],
    });
    expect(describeApiError(error)).toBe(
      'The file is not a Junction process. /shapes/stop: Duplicate key "stop" at line 9, column 5; /: must be a JSON object',
    );
  });

  it('caps the list and keeps plain errors as they are', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ pointer: `/x/${i}`, message: 'bad' }));
    expect(describeApiError(new ApiError(400, { message: 'No.', issues }), 2)).toBe(
      'No. /x/0: bad; /x/1: bad (and 5 more)',
    );
    expect(describeApiError(new Error('offline'))).toBe('offline');
    expect(describeApiError(new ApiError(500, { issues: 'nope' }))).toBe('Request failed (500)');
  });
});
