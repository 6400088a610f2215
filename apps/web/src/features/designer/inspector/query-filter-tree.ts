import {
  isGrouping,
  MAX_FILTER_DEPTH,
  operatorArgumentCount,
  type QueryExpression,
  type QueryOperator,
  type SimpleExpression,
} from '@junction/process-model';

/** Indices from the root through `nestedExpression`s to one node. */
export type TreePath = readonly number[];

export function newCondition(): SimpleExpression {
  return { property: '', operator: 'EQUALS', argument: [''] };
}

/** How a node is named to people and screen readers: "1", "1.2", "1.2.1". */
export function nodeName(path: TreePath): string {
  return ['1', ...path.map((i) => String(i + 1))].join('.');
}

/** The node's JSON pointer below the operation's config, for its issues. */
export function nodePointer(path: TreePath): string {
  return ['filter/expression', ...path.map((i) => `nestedExpression/${i}`)].join('/');
}

/** Whether a group at `path` may hold another group (the schema's nesting cap). */
export function canNestGroup(path: TreePath): boolean {
  return path.length + 1 < MAX_FILTER_DEPTH;
}

/** The tree with the node at `path` replaced by `change(node)`. */
export function updateNode(
  root: QueryExpression,
  path: TreePath,
  change: (node: QueryExpression) => QueryExpression,
): QueryExpression {
  const [head, ...rest] = path;
  if (head === undefined) {
    return change(root);
  }
  if (!isGrouping(root)) {
    return root;
  }
  return {
    ...root,
    nestedExpression: root.nestedExpression.map((child, i) =>
      i === head ? updateNode(child, rest, change) : child,
    ),
  };
}

/** The tree without the node at `path`; removing the root leaves no tree. */
export function removeNode(root: QueryExpression, path: TreePath): QueryExpression | null {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  if (index === undefined) {
    return null;
  }
  return updateNode(root, parent, (node) =>
    isGrouping(node)
      ? { ...node, nestedExpression: node.nestedExpression.filter((_, i) => i !== index) }
      : node,
  );
}

/** A condition with a new operator and exactly as many arguments as it takes. */
export function withOperator(node: SimpleExpression, operator: QueryOperator): SimpleExpression {
  const count = operatorArgumentCount(operator);
  const argument = Array.from({ length: count }, (_, i) => node.argument[i] ?? '');
  return { ...node, operator, argument };
}
