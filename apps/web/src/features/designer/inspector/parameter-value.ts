import type { ParameterValue } from '@junction/process-model';

/** The sources a parameter value can come from at run time (process-semantics.md §5). */
export const VALUE_TYPES: { value: ParameterValue['type']; label: string }[] = [
  { value: 'static', label: 'Static value' },
  { value: 'document-property', label: 'Document property' },
  { value: 'process-property', label: 'Process property' },
  { value: 'profile-element', label: 'Profile element' },
];

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
  }
}

export const VALUE_PLACEHOLDERS: Record<ParameterValue['type'], string> = {
  static: 'text',
  'document-property': 'property name',
  'process-property': 'property name',
  'profile-element': 'field path, e.g. order.id',
};
