import { describe, expect, it } from 'vitest';
import { readEdits } from './waiting-document-edits.ts';

const waiting = [
  { id: 'in-1', data: '{"v":"a"}', properties: { origin: 'test' } },
  { id: 'in-2', data: '{"v":"b"}', properties: {} },
];
const drafts = (changes: Record<string, { data?: string; properties?: string }> = {}) =>
  Object.fromEntries(
    waiting.map((doc) => [
      doc.id,
      {
        data: changes[doc.id]?.data ?? doc.data,
        properties: changes[doc.id]?.properties ?? JSON.stringify(doc.properties, null, 2),
      },
    ]),
  );

describe('readEdits', () => {
  it('sends only the documents whose data or properties changed', () => {
    expect(readEdits(waiting, drafts())).toEqual({ documents: [] });
    expect(readEdits(waiting, drafts({ 'in-2': { data: '{"v":"B"}' } }))).toEqual({
      documents: [{ id: 'in-2', data: '{"v":"B"}', properties: {} }],
    });
    expect(readEdits(waiting, drafts({ 'in-1': { properties: '{"origin":"edited"}' } }))).toEqual({
      documents: [{ id: 'in-1', data: '{"v":"a"}', properties: { origin: 'edited' } }],
    });
  });

  it('names the document whose properties are not a JSON object of text', () => {
    expect(readEdits(waiting, drafts({ 'in-2': { properties: '{' } }))).toEqual({
      problem: 'Properties of document in-2 are not valid JSON.',
    });
    expect(readEdits(waiting, drafts({ 'in-1': { properties: '{"n": 1}' } }))).toEqual({
      problem: 'Properties of document in-1 must be a JSON object whose values are text.',
    });
    expect(readEdits(waiting, drafts({ 'in-1': { properties: '[]' } }))).toHaveProperty('problem');
  });
});
