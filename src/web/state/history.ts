// Undo/redo as a pure reducer over any value: past, present and future snapshots. Pushing a value equal (by
// identity) to the present is a no-op, pushing clears the future, and the past is capped.

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

export type HistoryAction<T> =
  { type: "push"; value: T } | { type: "undo" } | { type: "redo" } | { type: "reset"; value: T };

export const HISTORY_LIMIT = 100;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function historyReducer<T>(history: History<T>, action: HistoryAction<T>, limit = HISTORY_LIMIT): History<T> {
  switch (action.type) {
    case "push": {
      if (action.value === history.present) return history;
      const past = [...history.past, history.present];
      return { past: past.length > limit ? past.slice(past.length - limit) : past, present: action.value, future: [] };
    }
    case "undo": {
      if (!canUndo(history)) return history;
      const previous = history.past[history.past.length - 1] as T;
      return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
    }
    case "redo": {
      if (!canRedo(history)) return history;
      const [next, ...rest] = history.future as [T, ...T[]];
      return { past: [...history.past, history.present], present: next, future: rest };
    }
    case "reset":
      return createHistory(action.value);
  }
}

/** Producer form, for stores that update with `(state) => state` functions. */
export const pushHistory =
  <T>(update: (present: T) => T) =>
  (history: History<T>): History<T> =>
    historyReducer(history, { type: "push", value: update(history.present) });
