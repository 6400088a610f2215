/**
 * Why `pattern` is not a valid regular expression, or null. Junction evaluates
 * Route, Decision and Search/Replace patterns with JavaScript's RegExp (not Java's).
 */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
