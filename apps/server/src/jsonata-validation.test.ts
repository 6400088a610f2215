import { describe, expect, it } from 'vitest';
import { jsonataRegexIssues } from './jsonata-validation.ts';

describe('jsonataRegexIssues', () => {
  it('points at Map expressions and Business Rules conditions with refused regexes', () => {
    const issues = jsonataRegexIssues({
      shapes: {
        m: { kind: 'map', config: { expression: '$replace(a, /(x)\\1/, "")', mappings: [] } },
        b: {
          kind: 'business-rules',
          config: {
            rules: [
              { name: 'fine', condition: '$contains(a, /(a+)+b/)' },
              { name: 'ahead', condition: '$contains(a, /a(?!b)/)' },
            ],
          },
        },
      },
    });
    expect(issues.map((i) => [i.code, i.pointer, i.shapeId])).toEqual([
      ['map.expression-regex-unsupported', '/shapes/m/config/expression', 'm'],
      ['business-rules.condition-regex-unsupported', '/shapes/b/config/rules/1/condition', 'b'],
    ]);
    expect(issues[0]?.message).toBe(
      'The regular expression /(x)\\1/ (ending at character 19 of the expression): A backreference (\\1) at character ' +
        '4 is not supported: patterns run on a linear-time engine (RE2), which has no ' +
        'backreferences or lookaround.',
    );
  });

  it('leaves syntax errors, empty expressions and odd input to the run', () => {
    expect(
      jsonataRegexIssues({
        shapes: {
          a: { kind: 'map', config: { expression: '$sum(', mappings: [] } },
          b: { kind: 'map', config: { expression: ' ', mappings: [] } },
          c: { kind: 'business-rules', config: { rules: [null, { condition: 3 }] } },
          d: null,
        },
      }),
    ).toEqual([]);
    expect(jsonataRegexIssues(null)).toEqual([]);
  });
});
