import type { BoomiOperation } from './connect-operation.ts';
import type { OperationIndex } from './connector-shapes.ts';
import {
  attribute,
  childNamed,
  childrenNamed,
  localName,
  type XmlElement,
  type XmlProblem,
} from './read-xml.ts';

/**
 * Finding things in a Boomi export: the process component (alone or in a bundle), the
 * connector operation components beside it, and each shape as plain data.
 */

/** A Boomi shape as read from the XML, before it is converted. */
export interface SourceShape {
  name: string;
  type: string;
  label: string;
  x: number;
  y: number;
  config: XmlElement | undefined;
  dragpoints: { identifier: string; to: string }[];
}

export interface FoundProcess {
  component: XmlElement;
  process: XmlElement;
  operations: OperationIndex;
}

export function findProcess(root: XmlElement): FoundProcess | { problem: XmlProblem } {
  const components =
    localName(root.name) === 'Components' ? childrenNamed(root, 'Component') : [root];
  const component = components.find(
    (c) => localName(c.name) === 'Component' && attribute(c, 'type') === 'process',
  );
  if (!component) {
    return {
      problem: {
        message:
          'Expected a Boomi Component of type “process” (or a Components bundle holding one).',
        path: `/${root.name}`,
      },
    };
  }
  const object = childNamed(component, 'object');
  const process = object ? childNamed(object, 'process') : undefined;
  if (!process) {
    return {
      problem: {
        message: 'The component holds no <process> in <bns:object>.',
        path: `/${component.name}/object`,
      },
    };
  }
  return { component, process, operations: operationIndex(components) };
}

/** Connector operation components in a bundle (`type="connector-action"`). */
function operationIndex(components: XmlElement[]): OperationIndex {
  const index = new Map<string, BoomiOperation>();
  for (const c of components) {
    if (attribute(c, 'type') !== 'connector-action') {
      continue;
    }
    const config = findDescendant(c, 'GenericOperationConfig');
    if (!config) {
      continue;
    }
    index.set(attribute(c, 'componentId') ?? '', {
      operationType: attribute(config, 'operationType') ?? '',
      customOperationType: attribute(config, 'customOperationType') ?? '',
      objectType: attribute(config, 'objectTypeName') || (attribute(config, 'objectTypeId') ?? ''),
    });
  }
  return index;
}

function findDescendant(el: XmlElement, name: string): XmlElement | undefined {
  const stack = [...el.children];
  while (stack.length > 0) {
    const next = stack.pop() as XmlElement;
    if (localName(next.name) === name) {
      return next;
    }
    stack.push(...next.children);
  }
  return undefined;
}

export function readShape(el: XmlElement): SourceShape {
  const configuration = childNamed(el, 'configuration');
  const dragpoints = childNamed(el, 'dragpoints');
  return {
    name: attribute(el, 'name') ?? '',
    type: attribute(el, 'shapetype') ?? '',
    label: attribute(el, 'userlabel') ?? '',
    x: Number.parseFloat(attribute(el, 'x') ?? ''),
    y: Number.parseFloat(attribute(el, 'y') ?? ''),
    config: configuration?.children[0],
    dragpoints: (dragpoints ? childrenNamed(dragpoints, 'dragpoint') : []).map((d) => ({
      identifier: attribute(d, 'identifier') ?? '',
      to: attribute(d, 'toShape') ?? '',
    })),
  };
}
