import { describe, expect, it } from 'vitest';
import { REDACTED_TOKEN, redactEvent, redactProperties, redactSecrets } from './redact-secrets.ts';

const TOKEN = 'jct_ifOZcezN9KDqPE9caVVyaWbKwpwL9w7Eg_0pNIg4u4';

describe('redactSecrets', () => {
  it('replaces every platform token and leaves other text as it was', () => {
    const doc = JSON.stringify({ id: 't1', token: TOKEN, note: `again ${TOKEN}.` });
    const redacted = redactSecrets(doc);
    expect(redacted).not.toContain(TOKEN);
    expect(JSON.parse(redacted)).toEqual({
      id: 't1',
      token: REDACTED_TOKEN,
      note: `again ${REDACTED_TOKEN}.`,
    });
    expect(redactSecrets('jct_ alone, or {"a":1}')).toBe('jct_ alone, or {"a":1}');
  });

  it('covers properties and the messages of live events', () => {
    expect(redactProperties({ p: `x ${TOKEN}` })).toEqual({ p: `x ${REDACTED_TOKEN}` });
    const log = redactEvent({ type: 'log', shapeId: 's', level: 'info', message: TOKEN });
    expect(log).toMatchObject({ message: REDACTED_TOKEN });
  });
});
