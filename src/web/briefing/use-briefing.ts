// React access to the Briefings tab's controller (one per explorer) and a selector hook over its store, so a
// component re-renders only when its slice changes.

import { useSyncExternalStore } from "react";
import { useExplorer } from "../app/context.ts";
import { getBriefing, type Briefing } from "./briefing-actions.ts";
import type { BriefingState } from "./briefing-state.ts";

export function useBriefing(): Briefing {
  return getBriefing(useExplorer());
}

export function useBriefingState<T>(selector: (state: BriefingState) => T): T {
  const { store } = useBriefing();
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
