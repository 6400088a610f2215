import { compileRegex } from '@junction/process-model';

type Regex = ReturnType<typeof compileRegex>;

/**
 * Route, Decision and Search/Replace test one pattern against every document,
 * and compiling for the linear-time engine costs more than matching a short
 * value, so compiled patterns are kept. The cache is bounded because dynamic
 * patterns (a property as Decision's right side) can be new on every document.
 */
const MAX_CACHED = 500;
const cache = new Map<string, Regex>();

/** The compiled pattern; throws the same located message validation shows. */
export function userRegex(pattern: string, flags = ''): Regex {
  const key = `${flags}/${pattern}`;
  let regex = cache.get(key);
  if (regex === undefined) {
    regex = compileRegex(pattern, flags);
    if (cache.size >= MAX_CACHED) {
      cache.clear();
    }
    cache.set(key, regex);
  }
  return regex;
}
