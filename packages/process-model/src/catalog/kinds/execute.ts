import { ellipsis, type ShapeKindInfo, singlePort, uniquePorts } from '../kind-info.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const map: ShapeKindInfo<'map'> = {
  kind: 'map',
  label: 'Map',
  group: 'execute',
  description: 'Reshapes each document: field-to-field rows and/or a JSONata expression.',
  ports: singlePort,
  defaultShape: () => ({ kind: 'map', label: '', config: { mappings: [], expression: '' } }),
  summary: ({ config }) => {
    const parts = [
      config.expression.trim() === '' ? '' : 'JSONata',
      config.mappings.length > 0 ? plural(config.mappings.length, 'field') : '',
    ].filter((p) => p !== '');
    return parts.length > 0 ? parts.join(' + ') : 'Not configured';
  },
};

export const setProperties: ShapeKindInfo<'set-properties'> = {
  kind: 'set-properties',
  label: 'Set Properties',
  group: 'execute',
  description: 'Sets document or process properties; the document data is unchanged.',
  ports: singlePort,
  defaultShape: () => ({ kind: 'set-properties', label: '', config: { properties: [] } }),
  summary: ({ config }) => {
    const names = config.properties.map((p) => p.name).filter((n) => n !== '');
    return names.length > 0 ? ellipsis(names.join(', ')) : 'Not configured';
  },
};

export const message: ShapeKindInfo<'message'> = {
  kind: 'message',
  label: 'Message',
  group: 'execute',
  description: 'Replaces each document with text built from a template and parameters.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'message',
    label: '',
    config: { text: '', parameters: [], jsonSafe: true, combineDocuments: false },
  }),
  summary: ({ config }) => (config.text.trim() === '' ? 'Empty message' : ellipsis(config.text)),
};

export const notify: ShapeKindInfo<'notify'> = {
  kind: 'notify',
  label: 'Notify',
  group: 'execute',
  description: 'Writes a line to the process log; documents pass through untouched.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'notify',
    label: '',
    config: { level: 'info', title: '', text: '', parameters: [], oncePerExecution: false },
  }),
  summary: ({ config }) => {
    const level = { info: 'Info', warning: 'Warning', error: 'Error' }[config.level];
    const text = config.title.trim() || config.text.trim();
    return text === '' ? level : `${level}: ${ellipsis(text, 32)}`;
  },
};

export const programCommand: ShapeKindInfo<'program-command'> = {
  kind: 'program-command',
  label: 'Program Command',
  group: 'execute',
  description: 'Runs a program on the runtime (no shell); documents pass through.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'program-command',
    label: '',
    config: { command: '', args: [] },
  }),
  summary: ({ config }) =>
    config.command.trim() === ''
      ? 'Not configured'
      : ellipsis([config.command, ...config.args].join(' ')),
};

export const processCall: ShapeKindInfo<'process-call'> = {
  kind: 'process-call',
  label: 'Process Call',
  group: 'execute',
  description: 'Runs another process; its Return Documents shapes become this shape’s paths.',
  ports: ({ config }) =>
    config.returnPaths.length > 0 ? uniquePorts(config.returnPaths) : singlePort(),
  defaultShape: () => ({
    kind: 'process-call',
    label: '',
    config: { processId: '', wait: true, abortOnFailure: true, returnPaths: [] },
  }),
  summary: ({ config }) =>
    config.processId === '' ? 'Not configured' : `Call ${config.processId}`,
};

const STEP_LABELS = {
  split: 'Split',
  combine: 'Combine',
  'custom-script': 'Script',
  'base64-encode': 'Base64 encode',
  'base64-decode': 'Base64 decode',
  'search-replace': 'Search/Replace',
} as const;

export const dataProcess: ShapeKindInfo<'data-process'> = {
  kind: 'data-process',
  label: 'Data Process',
  group: 'execute',
  description: 'Splits, combines, encodes or scripts documents, step by step.',
  ports: singlePort,
  defaultShape: () => ({ kind: 'data-process', label: '', config: { steps: [] } }),
  summary: ({ config }) =>
    config.steps.length === 0
      ? 'No steps'
      : ellipsis(config.steps.map((s) => STEP_LABELS[s.type]).join(' → ')),
};
