import { type FieldPathSegment, readPath, writePath } from '../field-path.ts';

/** Reads one field of a source document (undefined when any step is missing). */
export type Reader = (source: unknown) => unknown;
/** Writes one value into the output being built and returns the (possibly new) root. */
export type Writer = (target: unknown, value: unknown) => unknown;

type Path = readonly FieldPathSegment[];

/**
 * A reader specialised to its path's length. Like readPath it reads only own
 * fields (`Object.hasOwn`), so a `constructor` or `__proto__` path never reaches a
 * prototype; the short forms only save the loop for the common one- and two-step
 * paths, which is most of a Map's time.
 */
export function compileReader(path: Path): Reader {
  if (path.length === 1) {
    const key = path[0] as FieldPathSegment;
    return (source) =>
      source !== null && typeof source === 'object' && Object.hasOwn(source, key)
        ? (source as Record<FieldPathSegment, unknown>)[key]
        : undefined;
  }
  if (path.length === 2) {
    const first = compileReader([path[0] as FieldPathSegment]);
    const second = compileReader([path[1] as FieldPathSegment]);
    return (source) => second(first(source));
  }
  return (source) => readPath(source, path);
}

/**
 * A writer for `path`. A one-step path to a plain name sets the field directly on
 * the object the Map made for this document; `__proto__` (which assignment would
 * turn into a prototype change), numeric steps and longer paths go through
 * writePath, which defines own fields only.
 */
export function compileWriter(path: Path): Writer {
  const key = path[0];
  if (path.length === 1 && typeof key === 'string' && key !== '__proto__') {
    return (target, value) => {
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        (target as Record<string, unknown>)[key] = value;
        return target;
      }
      return writePath(target, path, value);
    };
  }
  return (target, value) => writePath(target, path, value);
}
