import { describe, expect, it } from 'vitest';
import { everyShapeProcess } from '../fixtures/every-shape.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { ShapeConfig, ShapeKind } from '../schema/shapes.ts';
import { validateProcess } from './validate.ts';

/** Validates the clean every-shape process with one shape's config changed. */
function issuesAfter<K extends ShapeKind>(
  id: string,
  kind: K,
  change: (config: ShapeConfig<K>) => ShapeConfig<K>,
): [string, string][] {
  const doc = everyShapeProcess();
  const shape = doc.shapes[id];
  if (shape?.kind !== kind) {
    throw new Error(`fixture has no ${kind} "${id}"`);
  }
  const changed: ProcessDocument = {
    ...doc,
    shapes: {
      ...doc.shapes,
      [id]: { ...shape, config: change(shape.config as ShapeConfig<K>) } as never,
    },
  };
  // New ports of a changed shape are naturally unconnected; that warning is tested elsewhere.
  return validateProcess(changed)
    .filter((i) => i.code !== 'shape.port-unconnected')
    .map((i) => [i.code, i.pointer]);
}

describe('per-kind validation points at the field to fix', () => {
  it('Branch: 2..25 paths; fewer ports also strands their connections', () => {
    expect(issuesAfter('branch', 'branch', () => ({ count: 26 }))).toEqual([
      ['branch.count-range', '/shapes/branch/config/count'],
    ]);
    expect(issuesAfter('branch', 'branch', () => ({ count: 2 }))).toEqual([
      ['connection.unknown-port', '/connections/15/from/port'],
    ]);
  });

  it('Route: empty, repeated, reserved and (regex) uncompilable keys', () => {
    const issues = issuesAfter('route', 'route', (c) => ({
      ...c,
      operator: 'regex',
      keys: ['approved', '', 'approved', 'default', '(open'],
    }));
    expect(issues).toEqual([
      ['route.key-empty', '/shapes/route/config/keys/1'],
      ['route.key-duplicate', '/shapes/route/config/keys/2'],
      ['route.key-reserved', '/shapes/route/config/keys/3'],
      ['route.key-regex-invalid', '/shapes/route/config/keys/4'],
    ]);
  });

  it('Decision: a regex that does not compile', () => {
    expect(
      issuesAfter('decide', 'decision', (c) => ({ ...c, right: { type: 'static', value: '[' } })),
    ).toEqual([['decision.regex-invalid', '/shapes/decide/config/right/value']]);
  });

  it('Route, Decision, Search/Replace: backreferences and lookaround are refused where they are', () => {
    const doc = everyShapeProcess();
    const changed = {
      ...doc,
      shapes: {
        ...doc.shapes,
        route: {
          ...doc.shapes['route'],
          config: { value: { type: 'static', value: 'x' }, operator: 'regex', keys: ['(a)\\1'] },
        },
        decide: {
          ...doc.shapes['decide'],
          config: {
            left: { type: 'static', value: 'x' },
            operator: 'regex',
            right: { type: 'static', value: 'a(?=b)' },
          },
        },
        data: {
          ...doc.shapes['data'],
          config: {
            steps: [{ type: 'search-replace', search: '(?<!a)b', replace: '', regex: true }],
          },
        },
      },
    } as ProcessDocument;
    const issues = validateProcess(changed)
      .filter((i) => i.code.includes('regex'))
      .map((i) => [i.pointer, i.message]);
    expect(issues).toEqual([
      [
        '/shapes/data/config/steps/0/search',
        expect.stringMatching(/negative lookbehind .* at character 1 is not supported/),
      ],
      [
        '/shapes/decide/config/right/value',
        expect.stringMatching(/lookahead .* at character 2 is not supported/),
      ],
      [
        '/shapes/route/config/keys/0',
        expect.stringMatching(/backreference \(\\1\) at character 4 is not supported/),
      ],
    ]);
  });

  it('Try/Catch: retries 0..5; Flow Control: units 1..10 and batch size', () => {
    expect(issuesAfter('try', 'try-catch', (c) => ({ ...c, retryCount: 6 }))).toEqual([
      ['try-catch.retry-range', '/shapes/try/config/retryCount'],
    ]);
    expect(
      issuesAfter('flow', 'flow-control', () => ({
        batching: 'batch',
        batchSize: 0,
        parallelUnits: 11,
      })),
    ).toEqual([
      ['flow-control.batch-size', '/shapes/flow/config/batchSize'],
      ['flow-control.units-range', '/shapes/flow/config/parallelUnits'],
    ]);
  });

  it('Data Process: split without a path, empty search, bad regex, empty script', () => {
    const issues = issuesAfter('data', 'data-process', () => ({
      steps: [
        { type: 'split', path: '', batchCount: 0 },
        { type: 'search-replace', search: '', replace: '', regex: false },
        { type: 'search-replace', search: '(', replace: '', regex: true },
        { type: 'custom-script', language: 'javascript', source: ' ' },
        { type: 'split', path: 'a..b', batchCount: 0 },
      ],
    }));
    expect(issues).toEqual([
      ['data-process.split-path-missing', '/shapes/data/config/steps/0/path'],
      ['data-process.search-missing', '/shapes/data/config/steps/1/search'],
      ['data-process.search-regex-invalid', '/shapes/data/config/steps/2/search'],
      ['data-process.script-empty', '/shapes/data/config/steps/3/source'],
      ['data-process.split-path-invalid', '/shapes/data/config/steps/4/path'],
    ]);
  });

  it('Process Call: no process, itself, and return paths that clash', () => {
    expect(issuesAfter('call', 'process-call', (c) => ({ ...c, processId: '' }))).toEqual([
      ['process-call.process-missing', '/shapes/call/config/processId'],
    ]);
    expect(
      issuesAfter('call', 'process-call', (c) => ({ ...c, processId: 'every-shape' })),
    ).toEqual([['process-call.self', '/shapes/call/config/processId']]);
    const paths = issuesAfter('call', 'process-call', (c) => ({ ...c, returnPaths: ['A', 'A'] }));
    expect(paths).toContainEqual([
      'process-call.return-path-duplicate',
      '/shapes/call/config/returnPaths/1',
    ]);
    // The old single output is gone, so its connection is reported too.
    expect(paths).toContainEqual(['connection.unknown-port', '/connections/23/from/port']);
  });

  it('Program Command: a command is required; shell syntax is a warning', () => {
    expect(issuesAfter('command', 'program-command', (c) => ({ ...c, command: '' }))).toEqual([
      ['program-command.missing', '/shapes/command/config/command'],
    ]);
    expect(
      issuesAfter('command', 'program-command', (c) => ({ ...c, command: 'ls | wc' })),
    ).toEqual([['program-command.shell-syntax', '/shapes/command/config/command']]);
  });

  it('Message: placeholders must have parameters; unused parameters are flagged', () => {
    expect(
      issuesAfter('message', 'message', (c) => ({
        ...c,
        text: '{2}',
        parameters: [
          ...c.parameters,
          { type: 'static', value: 'x' },
          { type: 'static', value: 'y' },
        ],
      })),
    ).toEqual([
      ['message.parameter-unused', '/shapes/message/config/parameters/0'],
      ['message.parameter-unused', '/shapes/message/config/parameters/2'],
    ]);
    expect(issuesAfter('notify', 'notify', (c) => ({ ...c, text: "can't {1} {4}" }))).toEqual([
      ['message.unclosed-quote', '/shapes/notify/config/text'],
      ['message.parameter-unused', '/shapes/notify/config/parameters/0'],
    ]);
    // Once per execution there is no document, so a document value would read as empty.
    expect(
      issuesAfter('notify', 'notify', (c) => ({
        ...c,
        oncePerExecution: true,
        text: '{1} {2}',
        parameters: [...c.parameters, { type: 'execution-property', name: 'EXECUTION_ID' }],
      })),
    ).toEqual([['notify.once-document-value', '/shapes/notify/config/parameters/0']]);
    expect(issuesAfter('fail', 'exception', (c) => ({ ...c, text: '{0}' }))).toEqual([
      ['message.placeholder-unknown', '/shapes/fail/config/text'],
      ['message.parameter-unused', '/shapes/fail/config/parameters/0'],
    ]);
  });

  it('Map and Set Properties: something to do, well-formed paths, named properties', () => {
    expect(issuesAfter('map', 'map', () => ({ mappings: [], expression: '' }))).toEqual([
      ['map.empty', '/shapes/map/config/mappings'],
    ]);
    expect(
      issuesAfter('map', 'map', (c) => ({
        ...c,
        mappings: [
          { from: '', to: 'a' },
          { from: 'b', to: 'a' },
        ],
      })),
    ).toEqual([
      ['map.from-missing', '/shapes/map/config/mappings/0/from'],
      ['map.to-duplicate', '/shapes/map/config/mappings/1/to'],
    ]);
    expect(
      issuesAfter('props', 'set-properties', () => ({
        properties: [
          {
            target: 'dynamic-document',
            name: '',
            parts: [{ type: 'profile-element', path: 'a.' }],
          },
        ],
      })),
    ).toEqual([
      ['set-properties.name-missing', '/shapes/props/config/properties/0/name'],
      ['parameter.path-invalid', '/shapes/props/config/properties/0/parts/0/path'],
    ]);
  });

  it('Caches and Find Changes: names, keys, key paths', () => {
    expect(issuesAfter('add', 'add-to-cache', () => ({ cache: '', key: [] }))).toEqual([
      ['cache.name-missing', '/shapes/add/config/cache'],
      ['cache.key-missing', '/shapes/add/config/key'],
      ['cache.never-added', '/shapes/retrieve/config/cache'],
      ['cache.never-added', '/shapes/remove/config/cache'],
    ]);
    expect(issuesAfter('retrieve', 'retrieve-from-cache', (c) => ({ ...c, key: [] }))).toEqual([
      ['cache.key-missing', '/shapes/retrieve/config/key'],
    ]);
    expect(issuesAfter('changes', 'find-changes', () => ({ cache: 'x', keyPath: '' }))).toEqual([
      ['find-changes.key-path-missing', '/shapes/changes/config/keyPath'],
    ]);
  });

  it('Business Rules, Cleanse and Return Documents', () => {
    expect(
      issuesAfter('rules', 'business-rules', () => ({
        rules: [
          { name: 'a', condition: '', message: '' },
          { name: 'a', condition: 'true', message: '' },
        ],
      })),
    ).toEqual([
      ['business-rules.name-duplicate', '/shapes/rules/config/rules/1/name'],
      ['business-rules.condition-missing', '/shapes/rules/config/rules/0/condition'],
    ]);
    expect(
      issuesAfter('cleanse', 'cleanse', () => ({
        fields: [
          { path: 'id', required: true, type: 'string', minLength: 5, maxLength: 2, trim: false },
        ],
      })),
    ).toEqual([['cleanse.length-range', '/shapes/cleanse/config/fields/0/minLength']]);
    expect(
      issuesAfter('cleanse', 'cleanse', () => ({
        fields: [
          { path: 'a', required: true, type: 'date', trim: false, format: 'MM/dd/yyyy' },
          { path: 'b', required: true, type: 'date', trim: false, format: 'dd.QQ.yyyy' },
        ],
      })),
    ).toEqual([['cleanse.date-format-invalid', '/shapes/cleanse/config/fields/1/format']]);
    const doc = everyShapeProcess();
    doc.shapes['back2'] = { kind: 'return-documents', label: '', config: { label: 'Done' } };
    expect(
      validateProcess(doc)
        .filter((i) => i.code === 'return-documents.label-duplicate')
        .map((i) => i.pointer),
    ).toEqual(['/shapes/back/config/label', '/shapes/back2/config/label']);
  });

  it('out-of-schema values are structural errors with pointers', () => {
    const doc = everyShapeProcess() as unknown as { shapes: Record<string, { config: object }> };
    doc.shapes['try']!.config = { retryCount: 1, trigger: 'sometimes' };
    expect(validateProcess(doc).map((i) => i.pointer)).toContain('/shapes/try/config/trigger');
  });
});
