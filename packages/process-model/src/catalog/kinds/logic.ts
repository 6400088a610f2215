import type { ComparisonOperator } from '../../schema/common.ts';
import { ellipsis, type Port, type ShapeKindInfo, singlePort, uniquePorts } from '../kind-info.ts';
import { parameterValueText } from '../parameter-text.ts';

/** Branch path count bounds (process-semantics.md §3.4). */
export const MIN_BRANCHES = 2;
export const MAX_BRANCHES = 25;

const OPERATOR_SYMBOLS: Readonly<Record<ComparisonOperator, string>> = {
  equals: '=',
  'not-equals': '≠',
  gt: '>',
  ge: '≥',
  lt: '<',
  le: '≤',
  regex: '~',
  wildcard: 'like',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const branch: ShapeKindInfo<'branch'> = {
  kind: 'branch',
  label: 'Branch',
  group: 'logic',
  description: 'Copies every document to each path; path 1 runs to the end before path 2.',
  ports: ({ config }) => {
    // Like Boomi, an out-of-range count still draws a usable shape; validation flags it.
    const n = Math.min(MAX_BRANCHES, Math.max(MIN_BRANCHES, Math.floor(config.count)));
    return Array.from({ length: n }, (_, i) => ({ id: String(i + 1), label: `Branch ${i + 1}` }));
  },
  defaultShape: () => ({ kind: 'branch', label: '', config: { count: 2 } }),
  summary: ({ config }) => plural(config.count, 'path'),
};

export const route: ShapeKindInfo<'route'> = {
  kind: 'route',
  label: 'Route',
  group: 'logic',
  description: 'Sends each document down the first path whose key matches its value.',
  ports: ({ config }) => [
    ...uniquePorts(config.keys, ['default']),
    { id: 'default', label: 'Default' },
  ],
  defaultShape: () => ({
    kind: 'route',
    label: '',
    config: { value: { type: 'static', value: '' }, operator: 'equals', keys: [] },
  }),
  summary: ({ config }) =>
    `By ${parameterValueText(config.value)} ${OPERATOR_SYMBOLS[config.operator]} ${plural(config.keys.length, 'key')}`,
};

export const cleanse: ShapeKindInfo<'cleanse'> = {
  kind: 'cleanse',
  label: 'Cleanse',
  group: 'logic',
  description: 'Repairs or rejects documents whose fields break their rules; Rejected runs first.',
  ports: () => [
    { id: 'rejected', label: 'Rejected' },
    { id: 'clean', label: 'Clean' },
  ],
  defaultShape: () => ({ kind: 'cleanse', label: '', config: { fields: [] } }),
  summary: ({ config }) => plural(config.fields.length, 'field rule'),
};

export const decision: ShapeKindInfo<'decision'> = {
  kind: 'decision',
  label: 'Decision',
  group: 'logic',
  description: 'Compares two values per document; all True documents run before False ones.',
  ports: () => [
    { id: 'true', label: 'True' },
    { id: 'false', label: 'False' },
  ],
  defaultShape: () => ({
    kind: 'decision',
    label: '',
    config: {
      left: { type: 'static', value: '' },
      operator: 'equals',
      right: { type: 'static', value: '' },
    },
  }),
  summary: ({ config }) =>
    ellipsis(
      `${parameterValueText(config.left)} ${OPERATOR_SYMBOLS[config.operator]} ${parameterValueText(config.right)}`,
    ),
};

export const exception: ShapeKindInfo<'exception'> = {
  kind: 'exception',
  label: 'Exception',
  group: 'logic',
  description: 'Ends the path with an error: the document’s, or the whole process’s.',
  ports: () => [],
  defaultShape: () => ({
    kind: 'exception',
    label: '',
    config: { title: '', text: '', parameters: [], stopEntireProcess: false },
  }),
  summary: ({ config }) => {
    const text = config.title.trim() || config.text.trim();
    return text === '' ? 'Not configured' : ellipsis(text);
  },
};

export const stop: ShapeKindInfo<'stop'> = {
  kind: 'stop',
  label: 'Stop',
  group: 'logic',
  description: 'Ends a path. “End and return” ends the whole run.',
  ports: () => [],
  defaultShape: () => ({ kind: 'stop', label: '', config: { endAndReturn: false } }),
  summary: (shape) => (shape.config.endAndReturn ? 'End and return' : 'End and continue'),
};

export const returnDocuments: ShapeKindInfo<'return-documents'> = {
  kind: 'return-documents',
  label: 'Return Documents',
  group: 'logic',
  description: 'Hands every document that reaches it back to the calling process.',
  ports: () => [],
  defaultShape: () => ({ kind: 'return-documents', label: '', config: { label: '' } }),
  summary: ({ config }) => (config.label === '' ? 'Return' : `Return “${config.label}”`),
};

export const flowControl: ShapeKindInfo<'flow-control'> = {
  kind: 'flow-control',
  label: 'Flow Control',
  group: 'logic',
  description: 'Runs the rest of the path per document, in batches, or in parallel.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'flow-control',
    label: '',
    config: { batching: 'none', batchSize: 10, parallelUnits: 1 },
  }),
  summary: ({ config }) => {
    const batching = {
      none: 'All together',
      'per-document': 'Each document',
      batch: `Batches of ${config.batchSize}`,
    }[config.batching];
    return config.parallelUnits > 1 ? `${batching} · ${config.parallelUnits} units` : batching;
  },
};

export const businessRules: ShapeKindInfo<'business-rules'> = {
  kind: 'business-rules',
  label: 'Business Rules',
  group: 'logic',
  description: 'Checks named rules; documents passing all go to Accepted, the rest to Rejected.',
  ports: () => [
    { id: 'accepted', label: 'Accepted' },
    { id: 'rejected', label: 'Rejected' },
  ],
  defaultShape: () => ({ kind: 'business-rules', label: '', config: { rules: [] } }),
  summary: ({ config }) => plural(config.rules.length, 'rule'),
};

const TRY_CATCH_PORTS: readonly Port[] = [
  { id: 'try', label: 'Try' },
  { id: 'catch', label: 'Catch' },
];

export const tryCatch: ShapeKindInfo<'try-catch'> = {
  kind: 'try-catch',
  label: 'Try/Catch',
  group: 'logic',
  description: 'Sends documents that fail further down the Try path to the Catch path.',
  ports: () => [...TRY_CATCH_PORTS],
  defaultShape: () => ({
    kind: 'try-catch',
    label: '',
    config: { retryCount: 0, trigger: 'document' },
  }),
  summary: ({ config }) => {
    const trigger = config.trigger === 'all' ? 'All errors' : 'Document errors';
    const n = config.retryCount;
    return n > 0 ? `${trigger} · ${n} ${n === 1 ? 'retry' : 'retries'}` : trigger;
  },
};
