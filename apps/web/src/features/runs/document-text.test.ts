import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.ts';

describe('documentText', () => {
  it('indents JSON objects and arrays', () => {
    expect(documentText('{"a":1,"b":[true,null]}')).toEqual({
      text: '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}',
      language: 'json',
    });
    expect(documentText(' [1]').language).toBe('json');
  });

  it('keeps XML as stored', () => {
    const xml = '<order id="1">\n<line/></order>';
    expect(documentText(xml)).toEqual({ text: xml, language: 'xml' });
  });

  it('shows text, a bare JSON scalar and broken JSON as they are', () => {
    expect(documentText('hello, world')).toEqual({ text: 'hello, world', language: 'text' });
    expect(documentText('42')).toEqual({ text: '42', language: 'text' });
    expect(documentText('{"cut": "at 10 KB')).toEqual({
      text: '{"cut": "at 10 KB',
      language: 'text',
    });
  });
});
