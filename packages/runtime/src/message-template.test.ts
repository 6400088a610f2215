import { describe, expect, it } from 'vitest';
import { renderTemplate } from './message-template.ts';

describe('renderTemplate', () => {
  it("follows Boomi's quote rules: ' toggles literal text, '' is one apostrophe", () => {
    expect(renderTemplate("Hi {1}, it''s '{2}'", ['Ann', 'x'], false)).toBe("Hi Ann, it's {2}");
    expect(renderTemplate('\'{\'"id": "{1}"\'}\'', ['42'], false)).toBe('{"id": "42"}');
  });

  it('silently drops substitution inside an unquoted JSON apostrophe (the classic bug)', () => {
    expect(renderTemplate('{"name": "O\'Brien {1}"}', ['x'], false)).toBe('{"name": "OBrien {1}"}');
  });

  it('treats apostrophes as text in JSON-safe mode', () => {
    expect(renderTemplate('{"name": "O\'Brien", "id": {1}}', ['7'], true)).toBe(
      '{"name": "O\'Brien", "id": 7}',
    );
  });

  it('renders a missing value as empty', () => {
    expect(renderTemplate('[{3}]', ['a'], true)).toBe('[]');
  });
});
