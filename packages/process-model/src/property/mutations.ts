import fc from 'fast-check';

// Test-only: random damage to a valid process file, as JSON values.

type Json = unknown;
type Path = (string | number)[];

/** Every path into a JSON value, the root included, in document order. */
export function pathsOf(value: Json): Path[] {
  const paths: Path[] = [];
  const stack: [Json, Path][] = [[value, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [Json, Path];
    paths.push(path);
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        stack.push([item, [...path, i]]);
      });
    } else if (typeof v === 'object' && v !== null) {
      for (const key of Object.keys(v)) {
        stack.push([(v as Record<string, Json>)[key], [...path, key]]);
      }
    }
  }
  return paths;
}

function get(value: Json, path: Path): Json {
  let v = value;
  for (const key of path) {
    v = typeof v === 'object' && v !== null ? (v as Record<string | number, Json>)[key] : undefined;
  }
  return v;
}

/** Sets (or, with `remove`, deletes) the value at a path, in place; keys stay own data properties. */
function set(root: Json, path: Path, next: Json, remove = false): Json {
  if (path.length === 0) {
    return next;
  }
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (typeof parent === 'object' && parent !== null) {
    if (remove) {
      if (Array.isArray(parent) && typeof key === 'number') {
        parent.splice(key, 1);
      } else {
        delete (parent as Record<string | number, Json>)[key];
      }
    } else {
      Object.defineProperty(parent, key, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'retype'; at: number }
  | { kind: 'hostile-key'; at: number; key: string; value: Json }
  | { kind: 'huge-string'; at: number; size: number }
  | { kind: 'duplicate'; at: number; to: number }
  | { kind: 'dangling'; at: number; name: string }
  | { kind: 'deep'; at: number; depth: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 3 }),
  }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('hostile-key' as const),
    at: fc.nat(),
    key: fc.constantFrom(...HOSTILE_KEYS),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({
    kind: fc.constant('huge-string' as const),
    at: fc.nat(),
    size: fc.integer({ min: 100_000, max: 2_000_000 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('dangling' as const),
    at: fc.nat(),
    name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE_KEYS)),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 50, max: 1000 }),
  }),
);

/** Another JSON type for the same value: string ↔ number, array ↔ object, … */
function retyped(value: Json): Json {
  if (typeof value === 'string') {
    return value.length;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 1 : null;
  }
  if (Array.isArray(value)) {
    return Object.fromEntries(value.map((v, i) => [String(i), v]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value);
  }
  return {};
}

/** How deep a JSON value nests, counted without recursion. */
export function depthOf(value: Json): number {
  let deepest = 0;
  const stack: [Json, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [Json, number];
    deepest = Math.max(deepest, depth);
    if (typeof v === 'object' && v !== null) {
      for (const item of Object.values(v)) {
        stack.push([item, depth + 1]);
      }
    }
  }
  return deepest;
}

/**
 * The deepest document a chain of mutations may build. structuredClone recurses, and
 * test workers have smaller stacks than node: a `duplicate` that copies a deep branch
 * into itself would otherwise double the depth with every step.
 */
export const MAX_MUTATED_DEPTH = 1_100;

/** Applies one mutation to a deep copy of `doc`; one that would nest past the cap is skipped. */
export function mutate(doc: Json, m: Mutation): Json {
  const next = applyMutation(doc, m);
  return depthOf(next) > MAX_MUTATED_DEPTH ? doc : next;
}

function applyMutation(doc: Json, m: Mutation): Json {
  const root = structuredClone(doc);
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length] as Path;
  const here = get(root, path);
  switch (m.kind) {
    case 'delete':
      return path.length === 0 ? undefined : set(root, path, undefined, true);
    case 'replace':
      return set(root, path, m.value);
    case 'retype':
      return set(root, path, retyped(here));
    case 'hostile-key': {
      const target = typeof here === 'object' && here !== null && !Array.isArray(here) ? path : [];
      return set(root, [...target, m.key], m.value);
    }
    case 'huge-string':
      return set(root, path, 'x'.repeat(m.size));
    case 'duplicate': {
      // Copies one part over another: shapes or connections with the same id, etc.
      const source = paths[m.to % paths.length] as Path;
      return set(root, path, structuredClone(get(root, source)));
    }
    case 'dangling':
      // A reference to something that does not exist, wherever a string sits; names
      // Object.prototype knows (`constructor`, …) are used as they are.
      return typeof here === 'string' && !HOSTILE_KEYS.includes(m.name)
        ? set(root, path, `${m.name}-missing`)
        : set(root, path, m.name);
    case 'deep': {
      let nested: Json = 'bottom';
      for (let i = 0; i < m.depth; i++) {
        nested = i % 2 === 0 ? [nested] : { a: nested };
      }
      return set(root, path, nested);
    }
  }
}
