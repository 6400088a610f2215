import { describe, expect, it } from 'vitest';
import { parseMessageTemplate, renderMessageTemplate } from './message-template.ts';

function render(text: string, jsonSafe: boolean, values: string[]): string {
  return renderMessageTemplate(parseMessageTemplate(text, jsonSafe), values);
}

describe('message templates', () => {
  it('fills {n} with the n-th value, 1-based, in list order', () => {
    expect(render('{2} then {1}', false, ['a', 'b'])).toBe('b then a');
  });

  it("Boomi rules: a lone ' toggles a literal part, '' is one apostrophe", () => {
    expect(render("it''s {1}", false, ['x'])).toBe("it's x");
    expect(render("'{1}' is {1}", false, ['x'])).toBe('{1} is x');
    expect(render('\'{\'"id": "{1}"\'}\'', false, ['7'])).toBe('{"id": "7"}');
  });

  it('reports an apostrophe that opens a quoted part and never closes it', () => {
    expect(parseMessageTemplate("can't {1}", false).unclosedQuote).toBe(true);
    expect(parseMessageTemplate("can't {1}", true).unclosedQuote).toBe(false);
  });

  it('jsonSafe keeps apostrophes and braces as written, except {digits}', () => {
    expect(render('{"a": \'{1}\', "b": {}}', true, ['x'])).toBe('{"a": \'x\', "b": {}}');
  });

  it('a missing value renders empty', () => {
    expect(render('[{3}]', true, [])).toBe('[]');
  });
});
