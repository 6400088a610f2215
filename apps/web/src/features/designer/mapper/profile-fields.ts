import {
  type JsonSchemaProfile,
  MAX_PROFILE_DEPTH,
  type ProfileType,
  parseFieldPath,
  profileFromSample,
} from '@junction/process-model';

/** One mappable field of a profile: its Map path (`order.lines[0].sku`) and JSON type. */
export interface ProfileField {
  path: string;
  type: ProfileType;
  /** Nesting level, for indenting the field list. */
  depth: number;
}

/**
 * Every field a profile describes, parents before children, in the profile's key
 * order. An array's item fields are listed under `[0]`, since a Map row reads one
 * path (the first item), not each item.
 */
export function listProfileFields(profile: JsonSchemaProfile | null): ProfileField[] {
  const fields: ProfileField[] = [];
  const walk = (node: JsonSchemaProfile, path: string, depth: number) => {
    if (depth >= MAX_PROFILE_DEPTH) {
      return;
    }
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        // A key the field-path syntax cannot name (`a.b`, `x[y]`) cannot be mapped by a row.
        if (parseFieldPath(key)?.length !== 1 || /\[/.test(key)) {
          continue;
        }
        const childPath = path === '' ? key : `${path}.${key}`;
        fields.push({ path: childPath, type: child.type, depth });
        walk(child, childPath, depth + 1);
      }
    } else if (node.type === 'array' && node.items && path !== '') {
      walk(node.items, `${path}[0]`, depth);
    }
  };
  if (profile) {
    walk(profile, '', 0);
  }
  return fields;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Largest sample text the mapper parses: a profile needs one record, not a data set. */
export const MAX_SAMPLE_CHARS = 1_000_000;

/** Reads a pasted sample document, saying where it is not JSON. */
export function parseSample(text: string): Parsed<unknown> {
  if (text.trim() === '') {
    return { ok: false, error: 'Paste a sample JSON document first.' };
  }
  if (text.length > MAX_SAMPLE_CHARS) {
    return { ok: false, error: `The sample is longer than ${MAX_SAMPLE_CHARS} characters.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `The sample is not JSON: ${(error as Error).message}` };
  }
}

/** A profile inferred from a pasted sample; a top-level array is described by its first item. */
export function inferProfile(text: string): Parsed<JsonSchemaProfile> {
  const sample = parseSample(text);
  if (!sample.ok) {
    return sample;
  }
  const profile = profileFromSample(sample.value);
  const record = profile.type === 'array' && profile.items ? profile.items : profile;
  if (record.type !== 'object') {
    return { ok: false, error: 'The sample must be a JSON object (or an array of objects).' };
  }
  return { ok: true, value: record };
}

/**
 * The profile with a field added by hand at `path` (dot-separated, `[0]` for an
 * array item), creating the objects and arrays on the way. Refuses a path the Map
 * cannot read or one that runs through a field of another type.
 */
export function addProfileField(
  profile: JsonSchemaProfile | null,
  path: string,
  type: ProfileType,
): Parsed<JsonSchemaProfile> {
  const segments = parseFieldPath(path.trim());
  if (!segments || segments.length === 0) {
    return { ok: false, error: `“${path}” is not a field path (e.g. order.lines[0].sku).` };
  }
  if (segments.length > MAX_PROFILE_DEPTH - 1) {
    return { ok: false, error: `A field path may have at most ${MAX_PROFILE_DEPTH - 1} steps.` };
  }
  if (typeof segments[0] === 'number') {
    return { ok: false, error: 'A field path starts with a field name.' };
  }
  const root: JsonSchemaProfile = profile ?? { type: 'object' };
  const insert = (node: JsonSchemaProfile, at: number): JsonSchemaProfile | string => {
    const segment = segments[at] as string | number;
    const last = at === segments.length - 1;
    if (typeof segment === 'number') {
      if (node.type !== 'array') {
        return `“${segments.slice(0, at).join('.')}” is not an array.`;
      }
      const item = last ? { type } : (node.items ?? emptyFor(segments[at + 1]));
      const next = last ? item : insert(item, at + 1);
      return typeof next === 'string' ? next : { ...node, items: next };
    }
    if (node.type !== 'object') {
      return `“${segment}” cannot go inside a field of type ${node.type}.`;
    }
    const properties: Record<string, JsonSchemaProfile> = { ...(node.properties ?? {}) };
    const existing = Object.hasOwn(properties, segment) ? properties[segment] : undefined;
    let child: JsonSchemaProfile | string;
    if (last) {
      if (existing) {
        return `The profile already has “${path.trim()}”.`;
      }
      child = { type };
    } else {
      child = insert(existing ?? emptyFor(segments[at + 1]), at + 1);
    }
    if (typeof child === 'string') {
      return child;
    }
    Object.defineProperty(properties, segment, {
      value: child,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return { ...node, properties };
  };
  const result = insert(root, 0);
  return typeof result === 'string' ? { ok: false, error: result } : { ok: true, value: result };
}

const emptyFor = (next: string | number | undefined): JsonSchemaProfile =>
  typeof next === 'number' ? { type: 'array' } : { type: 'object' };

/**
 * The fields to draw on one side: the profile's, then any path a row already uses
 * that the profile lacks (rows written before a profile existed stay visible).
 */
export function mergeRowPaths(fields: ProfileField[], paths: readonly string[]): ProfileField[] {
  const known = new Set(fields.map((field) => field.path));
  const extra: ProfileField[] = [];
  for (const path of paths) {
    if (path !== '' && !known.has(path)) {
      known.add(path);
      extra.push({ path, type: 'string', depth: 0 });
    }
  }
  return [...fields, ...extra];
}
