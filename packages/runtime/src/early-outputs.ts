import type { RunDocument, RunListener, ShapeResult } from './types.ts';

/**
 * One run of a shape's outputs handed to the listener before it finishes
 * (`RunListener.shapeEmitting`). Kept per run of the shape, not per shape: Flow
 * Control's fibers may run one shape on several batches at once, and one finishing
 * must not take back what another emitted.
 */
export function earlyOutputs(shapeId: string, listener: RunListener) {
  // Emitted and not yet settled; a Set, as a failed call's documents leave from the middle.
  const pending = new Set<RunDocument>();
  const withdraw = (docs: readonly RunDocument[]) => {
    if (docs.length > 0) {
      listener.shapeWithdrawing?.(shapeId, docs);
    }
  };
  return {
    emit(port: string, docs: readonly RunDocument[]) {
      // Each document once: the listener keeps one row for it until it is settled.
      const fresh = docs.filter((doc) => !pending.has(doc));
      for (const doc of fresh) {
        pending.add(doc);
      }
      listener.shapeEmitting?.(shapeId, port, fresh);
    },
    withdraw(docs: readonly RunDocument[]) {
      withdraw(docs.filter((doc) => pending.delete(doc)));
    },
    /**
     * Before the shape's `shapeFinished` (or instead of it, when the run is cut off):
     * takes back every emitted output the result does not hold (all of them without one).
     */
    settle(result: ShapeResult | undefined) {
      if (pending.size === 0) {
        return;
      }
      for (const docs of result?.outputs.values() ?? []) {
        for (const doc of docs) {
          pending.delete(doc);
        }
      }
      withdraw([...pending]);
      pending.clear();
    },
  };
}
