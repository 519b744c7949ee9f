// Renders nothing: listens for keys on the window and runs the matching action from state/shortcuts.ts.

import { useEffect } from "react";
import { useExplorer } from "../app/context.ts";
import {
  clearFocus,
  redoView,
  requestCamera,
  relayout,
  setTab,
  toggleDialog,
  toggleLayoutKind,
  undoView,
} from "../state/explorer-state.ts";
import { matchShortcut, type ShortcutId } from "../state/shortcuts.ts";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function ShortcutsController() {
  const explorer = useExplorer();

  useEffect(() => {
    const { store } = explorer;
    const focus = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
    const run = (id: ShortcutId) => {
      const selected = store.get().selection;
      const entity = selected?.kind === "entity" ? selected.id : null;
      switch (id) {
        case "focus-search":
          return focus("entity-search");
        case "clear":
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          return store.update(clearFocus());
        case "undo":
          return store.update(undoView());
        case "redo":
          return store.update(redoView());
        case "paths":
          store.update(setTab("paths"));
          return focus("path-from");
        case "filters":
          return store.update(setTab("filters"));
        case "expand":
          return entity ? void explorer.expand(entity) : undefined;
        case "hide":
          return entity ? explorer.hide([entity]) : undefined;
        case "fit":
          return store.update(requestCamera({ kind: "fit" }));
        case "layout":
          return store.get().layout === "map" ? undefined : store.update(relayout());
        case "map":
          return store.update(toggleLayoutKind());
        case "play":
          return (document.querySelector("[data-testid=timebar] button") as HTMLButtonElement | null)?.click();
        case "side-panel":
          return explorer.togglePanel("side");
        case "details-panel":
          return explorer.togglePanel("details");
        case "help":
          return store.update(toggleDialog("shortcuts"));
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const id = matchShortcut(event, isTyping(event.target));
      if (!id) return;
      event.preventDefault();
      run(id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [explorer]);

  return null;
}
