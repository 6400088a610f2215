import { describe, expect, it } from 'vitest';
import { repeatedKeyIssues } from './read-json.ts';

describe('repeatedKeyIssues', () => {
  it('finds a key written twice from the text and the value already parsed from it', () => {
    const text = '{"shapes": {"a": {"kind": "stop"}, "a": {"kind": "start"}}}';
    const issues = repeatedKeyIssues(text, JSON.parse(text));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'json.duplicate-key', pointer: '/shapes/a' }),
    ]);
  });

  it('finds nothing in text without repeats, including the same key in different objects', () => {
    const text = '{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": 4}]}';
    expect(repeatedKeyIssues(text, JSON.parse(text))).toEqual([]);
  });
});
