// React access to the Reports screen's actions (one per explorer) and a selector hook over its store, so a component
// re-renders only when its slice changes.

import { useSyncExternalStore } from "react";
import { useExplorer } from "../app/context.ts";
import { getReports, type Reports } from "./report-actions.ts";
import type { ReportState } from "./report-state.ts";

export function useReports(): Reports {
  return getReports(useExplorer());
}

export function useReportState<T>(selector: (state: ReportState) => T): T {
  const { store } = useReports();
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
