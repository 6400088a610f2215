import { MAX_PROFILE_DEPTH } from '../schema/profile.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';

// A profile level is at most two JSON levels (a node, then its `properties` record).
const MAX_JSON_DEPTH = MAX_PROFILE_DEPTH * 2 + 1;

/** Whether `value` nests deeper than `limit` JSON levels; iterative, so any depth is safe. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== 'object' || v === null) {
      continue;
    }
    if (depth > limit) {
      return true;
    }
    for (const child of Object.values(v)) {
      stack.push([child, depth + 1]);
    }
  }
  return false;
}

const PROFILE_PATHS: readonly string[][] = [
  ['requestProfile'],
  ['responseProfile'],
  ['operation', 'requestProfile'],
  ['operation', 'responseProfile'],
];

/**
 * Profiles are the one recursive part of the format, and TypeBox checks recursion
 * on the call stack: a hostile file nested thousands deep would overflow it. So
 * their depth is measured first (iteratively); a shape with a too-deep profile
 * gets this issue instead of a schema check.
 */
export function profileDepthIssues(shapeId: string, shape: unknown): ValidationIssue[] {
  const config = (shape as { config?: unknown } | null)?.config;
  const issues: ValidationIssue[] = [];
  for (const path of PROFILE_PATHS) {
    let v: unknown = config;
    for (const key of path) {
      v =
        typeof v === 'object' && v !== null && Object.hasOwn(v, key)
          ? (v as Record<string, unknown>)[key]
          : undefined;
    }
    if (v !== undefined && deeperThan(v, MAX_JSON_DEPTH)) {
      issues.push({
        severity: 'error',
        code: 'profile.too-deep',
        message: `A profile nests at most ${MAX_PROFILE_DEPTH} levels deep.`,
        pointer: pointerOf('shapes', shapeId, 'config', ...path),
        shapeId,
      });
    }
  }
  return issues;
}
