import { EXECUTION_PROPERTY_NAMES, type ParameterValue } from '@junction/process-model';

/** The sources a parameter value can come from at run time (process-semantics.md §5). */
export const VALUE_TYPES: { value: ParameterValue['type']; label: string }[] = [
  { value: 'static', label: 'Static value' },
  { value: 'document-property', label: 'Document property' },
  { value: 'process-property', label: 'Process property' },
  { value: 'profile-element', label: 'Profile element' },
  { value: 'current-date', label: 'Current date' },
  { value: 'execution-property', label: 'Execution property' },
];

/** Execution properties by Boomi's names, with the words a person reads. */
export const EXECUTION_PROPERTY_OPTIONS: { value: string; label: string }[] =
  EXECUTION_PROPERTY_NAMES.map((name) => ({
    value: name,
    label: name
      .toLowerCase()
      .split('_')
      .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
      .join(' ')
      .replace(/\bid\b/, 'ID'),
  }));

/** The one text a value carries, whatever its source. */
export function valueText(value: ParameterValue): string {
  switch (value.type) {
    case 'static':
      return value.value;
    case 'document-property':
    case 'process-property':
      return value.name;
    case 'profile-element':
      return value.path;
    case 'current-date':
      return value.format ?? '';
    case 'execution-property':
      return value.name;
  }
}

/** A value of `type` carrying `text`, so switching the source keeps what was typed. */
export function withText(type: ParameterValue['type'], text: string): ParameterValue {
  switch (type) {
    case 'static':
      return { type, value: text };
    case 'document-property':
    case 'process-property':
      return { type, name: text };
    case 'profile-element':
      return { type, path: text };
    case 'current-date':
      // No mask means ISO 8601, so an empty field is a complete value.
      return text === '' ? { type } : { type, format: text };
    case 'execution-property':
      return { type, name: EXECUTION_PROPERTY_NAMES.find((n) => n === text) ?? 'EXECUTION_ID' };
  }
}

export const VALUE_PLACEHOLDERS: Record<ParameterValue['type'], string> = {
  static: 'text',
  'document-property': 'property name',
  'process-property': 'property name',
  'profile-element': 'field path, e.g. order.id',
  'current-date': 'date mask, e.g. yyyyMMdd (empty: ISO 8601)',
  'execution-property': '',
};

/**
 * Sources complete without typed text: a static text may be empty, a date without
 * a mask is ISO 8601, and an execution property is picked from a list.
 */
export function allowsEmptyText(type: ParameterValue['type']): boolean {
  return type === 'static' || type === 'current-date' || type === 'execution-property';
}
