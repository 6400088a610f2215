import { type CleanseFieldRule, dateFormatProblem, parseDate } from '@junction/process-model';
import { parseFieldPath, readPath, writePath } from '../field-path.ts';
import { META } from '../properties.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';

/**
 * A date is text matching the rule's mask exactly, with fields in range and a day
 * that exists (no 2026-02-30); no mask means ISO 8601. Date.parse is no test: it
 * accepts "1", "foo 2020" and rolls 2026-02-30 over to March.
 */
function dateProblem(value: unknown, format: string | undefined): string | null {
  const mask = format === undefined ? null : dateFormatProblem(format);
  if (mask) {
    return `has an invalid date format (${mask})`;
  }
  if (typeof value === 'string' && parseDate(value, format)) {
    return null;
  }
  return format === undefined ? 'is not a date' : `is not a date in the form ${format}`;
}

function typeProblem(value: unknown, rule: CleanseFieldRule): string | null {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (rule.type) {
    case 'any':
      return null;
    case 'string':
      return typeof value === 'string' ? null : 'is not text';
    case 'number':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        ? null
        : 'is not a number';
    case 'boolean':
      return typeof value === 'boolean' || text === 'true' || text === 'false'
        ? null
        : 'is not true/false';
    case 'date':
      return dateProblem(value, rule.format);
  }
}

/** Repairs one field in place and returns why it still violates its rule, or null. */
function cleanseField(
  data: unknown,
  rule: CleanseFieldRule,
): { data: unknown; problem: string | null } {
  const path = parseFieldPath(rule.path);
  if (!path) {
    return { data, problem: `${rule.path}: invalid field path` };
  }
  let value = readPath(data, path);
  if (rule.trim && typeof value === 'string') {
    value = value.trim();
    data = writePath(data, path, value);
  }
  if ((value === undefined || value === null || value === '') && rule.defaultValue !== undefined) {
    value = rule.defaultValue;
    data = writePath(data, path, value);
  }
  if (value === undefined || value === null || value === '') {
    return { data, problem: rule.required ? `${rule.path}: a value is required` : null };
  }
  const type = typeProblem(value, rule);
  if (type) {
    return { data, problem: `${rule.path}: ${type}` };
  }
  const length = typeof value === 'string' ? value.length : JSON.stringify(value).length;
  if (rule.minLength !== undefined && length < rule.minLength) {
    return { data, problem: `${rule.path}: shorter than ${rule.minLength}` };
  }
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    return { data, problem: `${rule.path}: longer than ${rule.maxLength}` };
  }
  return { data, problem: null };
}

/**
 * Cleanse (§3.4): repairs fields (trim, default value), then checks them; the
 * first violation rejects the whole document, with the reason in the Cleanse
 * Result Message property. Rejected runs before Clean (the port order). A document
 * that is not JSON fails.
 */
export const cleanseHandler: ShapeHandler<'cleanse'> = {
  async run(shape, inputs) {
    const clean: RunDocument[] = [];
    const rejected: RunDocument[] = [];
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      let data: unknown;
      try {
        data = doc.data.trim() === '' ? {} : JSON.parse(doc.data);
      } catch (error) {
        errors.push({ document: doc, message: `Cleanse: ${(error as Error).message}` });
        continue;
      }
      let problem: string | null = null;
      for (const rule of shape.config.fields) {
        try {
          const checked = cleanseField(data, rule);
          data = checked.data;
          problem = checked.problem;
        } catch (error) {
          // A repair the path cannot make (an index far past its array's end).
          problem = `${rule.path}: ${(error as Error).message}`;
        }
        if (problem) {
          break;
        }
      }
      if (problem) {
        rejected.push({ ...doc, properties: { ...doc.properties, [META.cleanseResult]: problem } });
      } else {
        clean.push({ ...doc, data: JSON.stringify(data), properties: { ...doc.properties } });
      }
    }
    return {
      outputs: new Map([
        ['rejected', rejected],
        ['clean', clean],
      ]),
      errors,
    };
  },
};
