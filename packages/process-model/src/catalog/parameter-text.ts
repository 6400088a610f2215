import type { ParameterValue } from '../schema/common.ts';

/** How a parameter value reads in a one-line summary, e.g. `"approved"` or `doc:status`. */
export function parameterValueText(value: ParameterValue): string {
  switch (value.type) {
    case 'static':
      return JSON.stringify(value.value);
    case 'document-property':
      return `doc:${value.name}`;
    case 'process-property':
      return `process:${value.name}`;
    case 'profile-element':
      return value.path;
    case 'current-date':
      return value.format === undefined ? 'now' : `now:${value.format}`;
    case 'execution-property':
      return `exec:${value.name}`;
  }
}
