import type { ShapeOfKind } from '../../schema/shapes.ts';
import type { ShapeIssues } from '../shape-context.ts';
import { mapStepIssues } from './map-functions.ts';

export function mapIssues({ config }: ShapeOfKind<'map'>, at: ShapeIssues): void {
  if (config.mappings.length === 0 && config.expression.trim() === '') {
    at.error('map.empty', 'Add a mapping row or a JSONata expression.', 'mappings');
  }
  const targets = new Set<string>();
  config.mappings.forEach((row, i) => {
    at.fieldPath(row.from, 'map.from', 'the source field', 'mappings', i, 'from');
    at.fieldPath(row.to, 'map.to', 'the target field', 'mappings', i, 'to');
    if (targets.has(row.to)) {
      at.error('map.to-duplicate', `“${row.to}” is mapped twice.`, 'mappings', i, 'to');
    }
    targets.add(row.to);
    mapStepIssues(row.steps ?? [], at, i);
  });
}

export function setPropertiesIssues(
  { config }: ShapeOfKind<'set-properties'>,
  at: ShapeIssues,
): void {
  if (config.properties.length === 0) {
    at.error('set-properties.empty', 'Add a property to set.', 'properties');
  }
  const seen = new Set<string>();
  config.properties.forEach((p, i) => {
    if (p.name.trim() === '') {
      at.error('set-properties.name-missing', 'Name the property.', 'properties', i, 'name');
    } else if (seen.has(`${p.target}:${p.name}`)) {
      at.warning(
        'set-properties.name-duplicate',
        `“${p.name}” is set twice; the later value wins.`,
        'properties',
        i,
        'name',
      );
    }
    seen.add(`${p.target}:${p.name}`);
    if (p.parts.length === 0) {
      at.warning(
        'set-properties.no-value',
        'No value: the property becomes empty.',
        'properties',
        i,
        'parts',
      );
    }
  });
}

export function messageIssues({ config }: ShapeOfKind<'message'>, at: ShapeIssues): void {
  if (config.text === '') {
    at.warning('message.empty', 'An empty message makes every document empty.', 'text');
  }
  at.template(config.text, config.parameters, config.jsonSafe);
}

export function notifyIssues({ config }: ShapeOfKind<'notify'>, at: ShapeIssues): void {
  if (config.text.trim() === '' && config.title.trim() === '') {
    at.warning('notify.empty', 'Write the notification text.', 'text');
  }
  at.template(config.text, config.parameters, false);
  if (config.oncePerExecution) {
    config.parameters.forEach((p, i) => {
      if (p.type === 'profile-element' || p.type === 'document-property') {
        at.warning(
          'notify.once-document-value',
          'Written once per execution, this notification has no document: this value reads as empty.',
          'parameters',
          i,
        );
      }
    });
  }
}

// No shell runs the command, so shell syntax would reach the program as literal text.
const SHELL_SYNTAX = /[|&;<>`$]/;

export function programCommandIssues(
  { config }: ShapeOfKind<'program-command'>,
  at: ShapeIssues,
): void {
  if (config.command.trim() === '') {
    at.error('program-command.missing', 'Enter the program to run.', 'command');
  } else if (SHELL_SYNTAX.test(config.command)) {
    at.warning(
      'program-command.shell-syntax',
      'There is no shell: pipes, redirects and $variables are passed literally. Put arguments in Args.',
      'command',
    );
  }
}

export function processCallIssues({ config }: ShapeOfKind<'process-call'>, at: ShapeIssues): void {
  if (config.processId === '') {
    at.error('process-call.process-missing', 'Choose the process to call.', 'processId');
  } else if (config.processId === at.doc.id) {
    at.error(
      'process-call.self',
      'A process cannot call itself; the calls would never end.',
      'processId',
    );
  }
  at.uniqueNames(config.returnPaths, 'process-call.return-path', 'return path', (i) => [
    'returnPaths',
    i,
  ]);
}
