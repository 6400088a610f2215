import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { readProcessBody } from '../routes/process-body.ts';
import { BODIES, readBody } from './bodies.ts';

/** `{ a: { a: … } }` built in a loop: the Platform API connector hands values, not text. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('bodies handed over as values, not text', () => {
  it('a Platform API body nested 10,000 levels is a 400, not a stack overflow', () => {
    const error = thrown(() => readBody(BODIES.environmentCreate, { name: nested(10_000) }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 400,
      message: 'Invalid body: nested deeper than 512 levels.',
    });
  });

  it('a process value nested 10,000 levels is an invalid process with the issue', () => {
    const error = thrown(() => readProcessBody({ shapes: nested(10_000) }, 'Not a process.'));
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid-process',
      details: { issues: [{ code: 'json.too-deep', pointer: '' }] },
    });
  });
});
