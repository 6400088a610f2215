import type { ShapeHandler } from '../types.ts';

/** Stop absorbs its documents; "end and return" also ends the whole run successfully. */
export const stopHandler: ShapeHandler<'stop'> = {
  async run(shape) {
    return { outputs: new Map(), errors: [], endRun: shape.config.endAndReturn };
  },
};
