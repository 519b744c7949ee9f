// A minimal external store: one immutable state, updated only by producers `(state) => state`, with subscribers.
// The explorer, the Briefings tab and the Cypher console each keep one. Components read them through
// useSyncExternalStore selector hooks (useExplorerState in app/context.ts, useBriefingState in
// briefing/use-briefing.ts); controllers and actions subscribe or read directly.

export type Producer<S> = (state: S) => S;

export interface Store<S> {
  get(): S;
  update(producer: Producer<S>): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(producer) {
      const next = producer(state);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
