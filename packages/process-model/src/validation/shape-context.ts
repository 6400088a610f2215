import type { ParameterValue } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { parseFieldPath } from '../text/field-path.ts';
import { parseMessageTemplate } from '../text/message-template.ts';
import { regexProblem } from '../text/regex.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';

type Segment = string | number;

/** Collects one shape's issues with pointers relative to its `config`. */
export class ShapeIssues {
  readonly issues: ValidationIssue[] = [];
  readonly doc: ProcessDocument;
  readonly shapeId: string;

  constructor(doc: ProcessDocument, shapeId: string) {
    this.doc = doc;
    this.shapeId = shapeId;
  }

  error(code: string, message: string, ...path: Segment[]): void {
    this.add('error', code, message, path);
  }

  warning(code: string, message: string, ...path: Segment[]): void {
    this.add('warning', code, message, path);
  }

  private add(
    severity: ValidationIssue['severity'],
    code: string,
    message: string,
    path: Segment[],
  ) {
    const pointer = pointerOf('shapes', this.shapeId, 'config', ...path);
    this.issues.push({ severity, code, message, pointer, shapeId: this.shapeId });
  }

  /** A field path that must be present and well formed. */
  fieldPath(value: string, code: string, what: string, ...path: Segment[]): void {
    if (value.trim() === '') {
      this.error(`${code}-missing`, `Enter ${what}.`, ...path);
    } else if (parseFieldPath(value) === null) {
      this.error(
        `${code}-invalid`,
        `“${value}” is not a field path like order.lines[0].sku.`,
        ...path,
      );
    }
  }

  regex(pattern: string, code: string, ...path: Segment[]): void {
    const problem = regexProblem(pattern);
    if (problem !== null) {
      this.error(code, `Not a valid regular expression: ${problem}`, ...path);
    }
  }

  /**
   * `{n}` placeholders must name a parameter; unused parameters are probably a
   * mistake. The values themselves are checked by parameterReferenceIssues.
   */
  template(text: string, parameters: readonly ParameterValue[], jsonSafe: boolean): void {
    const template = parseMessageTemplate(text, jsonSafe);
    const used = new Set<number>();
    for (const s of template.segments) {
      if (s.type !== 'placeholder') {
        continue;
      }
      used.add(s.index);
      if (s.index < 1 || s.index > parameters.length) {
        this.error(
          'message.placeholder-unknown',
          `{${s.index}} has no parameter; there ${parameters.length === 1 ? 'is 1' : `are ${parameters.length}`}.`,
          'text',
        );
      }
    }
    if (template.unclosedQuote) {
      this.warning(
        'message.unclosed-quote',
        'An apostrophe starts a quoted part that never ends, so later {n} stay literal. Write two apostrophes for one.',
        'text',
      );
    }
    parameters.forEach((_, i) => {
      if (!used.has(i + 1)) {
        this.warning(
          'message.parameter-unused',
          `No {${i + 1}} in the text uses this parameter.`,
          'parameters',
          i,
        );
      }
    });
  }

  /** Non-empty, unique names in a list; reports each offender at its index. */
  uniqueNames(
    names: readonly string[],
    code: string,
    what: string,
    at: (index: number) => Segment[],
  ): void {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (name.trim() === '') {
        this.error(`${code}-empty`, `Give this ${what} a name.`, ...at(i));
      } else if (seen.has(name)) {
        this.error(`${code}-duplicate`, `“${name}” is used twice.`, ...at(i));
      }
      seen.add(name);
    });
  }
}
