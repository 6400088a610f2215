/**
 * Finds the spec operation a concrete request URL belongs to: path templating
 * (`/requests/{id}/approve`), the `/public/v1` base stripped wherever the API is mounted, a
 * trailing slash tolerated (Connect routes both), literal segments preferred over parameters
 * (`/usage/records/close-records` beats `/usage/records/{id}`).
 */

/** The operation a request URL resolves to. */
export interface MatchedOperation {
  /** Upper-case HTTP method. */
  method: string;
  /** Path template as written in the spec, e.g. `/requests/{id}/approve`. */
  template: string;
  operationId: string | undefined;
  /** Decoded path parameter values by name. */
  params: Record<string, string>;
}

interface Template {
  template: string;
  segments: readonly string[];
  operations: ReadonlyMap<string, string | undefined>;
}

const BASE_PATH = '/public/v1';

/** The path below `/public/v1` (or the whole path when the base is absent), without query. */
export function apiPath(url: string): string {
  const pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(url)
    ? new URL(url).pathname
    : (url.split(/[?#]/)[0] ?? '');
  const base = pathname.indexOf(BASE_PATH);
  const below = base === -1 ? pathname : pathname.slice(base + BASE_PATH.length);
  const trimmed = below.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The raw query string of a URL, without `?`. */
export function queryString(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? '' : (url.slice(index + 1).split('#')[0] ?? '');
}

/** Builds a matcher over the spec's `paths` (template → method → operationId). */
export function createPathMatcher(
  paths: Iterable<[string, ReadonlyMap<string, string | undefined>]>,
): (method: string, url: string) => MatchedOperation | undefined {
  const bySegmentCount = new Map<number, Template[]>();
  for (const [template, operations] of paths) {
    const segments = template.split('/').filter((segment) => segment !== '');
    const list = bySegmentCount.get(segments.length) ?? [];
    list.push({ template, segments, operations });
    bySegmentCount.set(segments.length, list);
  }
  return (method, url) => {
    const upper = method.toUpperCase();
    const actual = apiPath(url)
      .split('/')
      .filter((segment) => segment !== '');
    let best: { template: Template; literals: number } | undefined;
    for (const candidate of bySegmentCount.get(actual.length) ?? []) {
      if (!candidate.operations.has(upper)) {
        continue;
      }
      const literals = literalMatches(candidate.segments, actual);
      if (literals !== undefined && (best === undefined || literals > best.literals)) {
        best = { template: candidate, literals };
      }
    }
    if (!best) {
      return undefined;
    }
    const params: Record<string, string> = {};
    best.template.segments.forEach((segment, index) => {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name !== undefined) {
        params[name] = safeDecode(actual[index] ?? '');
      }
    });
    return {
      method: upper,
      template: best.template.template,
      operationId: best.template.operations.get(upper),
      params,
    };
  };
}

/** Counts literal segment matches; undefined when a literal differs. */
function literalMatches(
  template: readonly string[],
  actual: readonly string[],
): number | undefined {
  let literals = 0;
  for (const [index, segment] of template.entries()) {
    if (segment.startsWith('{') && segment.endsWith('}')) {
      continue;
    }
    if (segment !== actual[index]) {
      return undefined;
    }
    literals += 1;
  }
  return literals;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
