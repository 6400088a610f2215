/**
 * Calls in flight per listener (this server's): a listener at its concurrency limit
 * answers 429 at once instead of queueing callers behind a slow process. A slot
 * is held until the call's execution ends, also when a synchronous caller has
 * already been answered 504.
 */
export function createListenerGate() {
  const inFlight = new Map<string, number>();
  return {
    tryEnter(key: string, limit: number): (() => void) | undefined {
      const now = inFlight.get(key) ?? 0;
      if (now >= limit) {
        return undefined;
      }
      inFlight.set(key, now + 1);
      let left = false;
      return () => {
        if (left) {
          return;
        }
        left = true;
        const after = (inFlight.get(key) ?? 1) - 1;
        if (after <= 0) {
          inFlight.delete(key);
        } else {
          inFlight.set(key, after);
        }
      };
    },
  };
}

export type ListenerGate = ReturnType<typeof createListenerGate>;
