import type { MapFunctionStep, MapOperand } from '../../schema/shapes/map-functions.ts';
import { dateFormatProblem } from '../../text/date-format.ts';
import type { ShapeIssues } from '../shape-context.ts';

type Segment = string | number;

/** Text a number step accepts as a constant: what `Number()` reads, but not blank. */
export function constantNumber(text: string): number | undefined {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Date steps use the masks of Cleanse and `current-date` (date-format.ts: Boomi's
 * SimpleDateFormat letters, UTC), so one process speaks one date language.
 */
function datePatternProblem(mask: string): string | null {
  if (mask.trim() === '') {
    return 'Enter a date mask like yyyy-MM-dd.';
  }
  const problem = dateFormatProblem(mask);
  return problem === null ? null : `“${mask}” is not a date mask: ${problem}.`;
}

/**
 * Checks one row's map function steps. Every issue points at its step
 * (`mappings/<row>/steps/<step>/…`) and its message names the step by number and
 * function, as the Options form lists them.
 */
export function mapStepIssues(
  steps: readonly MapFunctionStep[],
  at: ShapeIssues,
  row: number,
): void {
  steps.forEach((step, j) => {
    const where = (...path: Segment[]) => ['mappings', row, 'steps', j, ...path];
    const say = (message: string) => `Step ${j + 1} (${step.fn}): ${message}`;
    const operand = (value: MapOperand, numeric: boolean, ...path: Segment[]) => {
      if (value.type === 'field') {
        at.fieldPath(value.path, 'map.step-field', 'the field to read', ...where(...path, 'path'));
      } else if (numeric && constantNumber(value.value) === undefined) {
        at.error(
          'map.step-number',
          say(`“${value.value}” is not a number.`),
          ...where(...path, 'value'),
        );
      }
    };
    switch (step.fn) {
      case 'concat':
        step.parts.forEach((part, k) => {
          operand(part, false, 'parts', k);
        });
        if (step.parts.length === 0) {
          at.warning('map.step-concat-empty', say('Add something to append.'), ...where('parts'));
        }
        break;
      case 'add':
      case 'subtract':
      case 'multiply':
      case 'divide':
        operand(step.operand, true, 'operand');
        if (
          step.fn === 'divide' &&
          step.operand.type === 'constant' &&
          constantNumber(step.operand.value) === 0
        ) {
          at.error('map.step-divide-zero', say('Dividing by zero.'), ...where('operand', 'value'));
        }
        break;
      case 'replace':
        if (step.search === '') {
          at.error('map.step-replace-empty', say('Enter the text to replace.'), ...where('search'));
        }
        break;
      case 'parse-date':
      case 'format-date': {
        const problem = datePatternProblem(step.format);
        if (problem !== null) {
          at.error('map.step-date-pattern', say(problem), ...where('format'));
        }
        break;
      }
      case 'lookup':
        lookupIssues(step.table, at, say, where);
        break;
      default:
        break;
    }
  });
}

function lookupIssues(
  table: readonly { key: string }[],
  at: ShapeIssues,
  say: (message: string) => string,
  where: (...path: Segment[]) => Segment[],
): void {
  if (table.length === 0) {
    at.warning('map.step-lookup-empty', say('The table is empty.'), ...where('table'));
  }
  const keys = new Set<string>();
  table.forEach(({ key }, k) => {
    if (keys.has(key)) {
      at.error(
        'map.step-lookup-duplicate',
        say(`“${key}” is in the table twice.`),
        ...where('table', k, 'key'),
      );
    }
    keys.add(key);
  });
}
