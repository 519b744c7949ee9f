// React access to the explorer (data graph, store, actions) and to the sigma renderer, plus useExplorerState: a
// selector hook over the external store (useSyncExternalStore), so a component re-renders only when its slice changes.

import { createContext, useContext, useSyncExternalStore } from "react";
import type { Renderer } from "../graph/sigma-setup.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import type { Explorer } from "./explorer.ts";

export const ExplorerContext = createContext<Explorer | null>(null);
export const RendererContext = createContext<Renderer | null>(null);
export const VisibilityContext = createContext<Visibility | null>(null);

export function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error("useExplorer outside <ExplorerContext>");
  return explorer;
}

export function useRenderer(): Renderer {
  const renderer = useContext(RendererContext);
  if (!renderer) throw new Error("useRenderer outside <RendererContext>");
  return renderer;
}

export function useVisibility(): Visibility | null {
  return useContext(VisibilityContext);
}

export function useExplorerState<T>(selector: (state: ExplorerState) => T): T {
  const { store } = useExplorer();
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
