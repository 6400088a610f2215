import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

/** A yes/no structural check of one schema. */
export type Checker = (value: unknown) => boolean;

let codeGeneration: boolean | undefined;

/**
 * Whether this environment lets us compile checks to JavaScript. The designer runs
 * validation in the browser under the server's CSP, whose script-src has no
 * 'unsafe-eval': there `new Function` throws, and we must not try on every call
 * (each attempt is also a CSP violation report), so we ask once.
 */
export function canGenerateCode(): boolean {
  if (codeGeneration === undefined) {
    try {
      codeGeneration = new Function('return 1')() === 1;
    } catch {
      codeGeneration = false;
    }
  }
  return codeGeneration;
}

/** For tests: force the interpretive path (false), the compiled one (true), or re-detect. */
export function setCodeGeneration(enabled: boolean | undefined): void {
  codeGeneration = enabled;
  compiled.clear();
}

const compiled = new Map<TSchema, Checker>();

/**
 * A cached checker for `schema`: compiled by TypeBox where code generation is
 * allowed (≈10× faster than the interpreter), else TypeBox's interpretive check.
 * Both give the same answers; only the details of a failure come from Value.Errors.
 */
export function checkerFor(schema: TSchema): Checker {
  let checker = compiled.get(schema);
  if (!checker) {
    if (canGenerateCode()) {
      const validator = Compile(schema);
      checker = (value) => validator.Check(value);
    } else {
      checker = (value) => Value.Check(schema, value);
    }
    compiled.set(schema, checker);
  }
  return checker;
}
