// Renders nothing: wires sigma's pointer events to the UI state. Hover sets the hover slice, click selects an
// entity or relation, a click on the background clears, right-click opens the entity menu, double-click expands.

import { useEffect } from "react";
import { useExplorer, useRenderer } from "../app/context.ts";
import { clickStage, openMenu, select, setHover } from "../state/explorer-state.ts";

export function EventsController() {
  const explorer = useExplorer();
  const renderer = useRenderer();

  useEffect(() => {
    const { store } = explorer;
    const container = renderer.getContainer();
    const noMenu = (e: MouseEvent) => e.preventDefault();
    container.addEventListener("contextmenu", noMenu);
    renderer.on("enterNode", ({ node }) => {
      store.update(setHover({ node }));
      container.style.cursor = "pointer";
    });
    renderer.on("leaveNode", () => {
      store.update(setHover({ node: null }));
      container.style.cursor = "";
    });
    renderer.on("enterEdge", ({ edge }) => {
      store.update(setHover({ edge }));
      container.style.cursor = "pointer";
    });
    renderer.on("leaveEdge", () => {
      store.update(setHover({ edge: null }));
      container.style.cursor = "";
    });
    renderer.on("clickNode", ({ node }) => store.update(select({ kind: "entity", id: node })));
    renderer.on("clickEdge", ({ edge }) => store.update(select({ kind: "relation", id: edge })));
    renderer.on("clickStage", () => store.update(clickStage()));
    renderer.on("rightClickNode", ({ node, event }) => {
      event.original.preventDefault();
      store.update(openMenu({ node, x: event.x, y: event.y }));
    });
    renderer.on("doubleClickNode", ({ node, event }) => {
      event.preventSigmaDefault();
      void explorer.expand(node);
    });
    return () => {
      container.removeEventListener("contextmenu", noMenu);
      renderer.removeAllListeners("enterNode");
      renderer.removeAllListeners("leaveNode");
      renderer.removeAllListeners("enterEdge");
      renderer.removeAllListeners("leaveEdge");
      renderer.removeAllListeners("clickNode");
      renderer.removeAllListeners("clickEdge");
      renderer.removeAllListeners("clickStage");
      renderer.removeAllListeners("rightClickNode");
      renderer.removeAllListeners("doubleClickNode");
    };
  }, [explorer, renderer]);

  return null;
}
