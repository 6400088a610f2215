import { describe, expect, it } from 'vitest';
import { authorText, revisionLine } from './revision-text.ts';

describe('authorText', () => {
  it('names a token by its name, and says so when the token is gone', () => {
    expect(authorText({ kind: 'token', tokenId: 't1', name: 'CI deploys' })).toBe(
      'token “CI deploys”',
    );
    expect(authorText({ kind: 'token', tokenId: 't1', name: null })).toBe(
      'an API token that no longer exists',
    );
  });

  it('tells the install’s own access from an author nobody recorded', () => {
    expect(authorText({ kind: 'install' })).toContain('administrator');
    expect(authorText({ kind: 'unknown' })).toContain('before authors were recorded');
  });

  it('says a parent account’s token saved it, without its name', () => {
    expect(authorText({ kind: 'parent-account' })).toBe('a token of a parent account');
  });
});

describe('revisionLine', () => {
  it('says when, by whom, and which revision a restore brought back', () => {
    const savedAt = '2026-03-01T10:00:00.000Z';
    const line = revisionLine(
      { revision: 4, savedAt, author: { kind: 'install' }, restoredFrom: 2 },
      'en-GB',
    );
    expect(line).toContain(new Date(savedAt).toLocaleString('en-GB'));
    expect(line).toContain('by the administrator');
    expect(line).toMatch(/restored from revision 2$/);
    expect(
      revisionLine({ revision: 1, savedAt, author: { kind: 'unknown' }, restoredFrom: null }),
    ).not.toContain('restored');
  });
});
