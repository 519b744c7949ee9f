// The right-click menu on an entity: paths from/to here, expand, hide, hide others, centre, details. It opens at the
// pointer, moved left or up as far as needed to stay inside the canvas (state/panels.ts placeMenu).

import { useLayoutEffect, useRef, useState } from "react";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { closeMenu, rememberNames, requestCamera, select, setPathQuery, setTab } from "../state/explorer-state.ts";
import { placeMenu } from "../state/panels.ts";

/** The menu's place: the pointer's until it has been measured, then moved inside the canvas and the window. */
function useMenuPlace(menu: { x: number; y: number } | null) {
  const ref = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<{ x: number; y: number; maxHeight?: number } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    const container = element?.offsetParent;
    if (!menu || !element || !container) return setPlace(null);
    const box = { width: element.offsetWidth, height: element.scrollHeight };
    const rect = container.getBoundingClientRect();
    const room = {
      left: Math.max(0, -rect.left),
      top: Math.max(0, -rect.top),
      right: Math.min(container.clientWidth, window.innerWidth - rect.left),
      bottom: Math.min(container.clientHeight, window.innerHeight - rect.top),
    };
    setPlace(placeMenu(menu, box, room));
  }, [menu]);
  const pointer = menu ? { x: menu.x, y: menu.y, maxHeight: undefined } : null;
  return { ref, place: place ?? pointer };
}

export function ContextMenu() {
  const explorer = useExplorer();
  const { store, graph } = explorer;
  const menu = useExplorerState((s) => s.menu);
  const { ref, place } = useMenuPlace(menu);
  if (!menu || !place || !graph.hasNode(menu.node)) return null;
  const id = menu.node;
  const name = graph.getNodeAttribute(id, "label");
  const close = () => store.update(closeMenu());
  const item = (label: string, run: () => void) => (
    <li>
      <button
        role="menuitem"
        onClick={() => {
          close();
          run();
        }}
      >
        {label}
      </button>
    </li>
  );
  const pathEnd = (end: "from" | "to") => {
    store.update(rememberNames([{ id, name }]));
    store.update(setPathQuery({ [end]: id }));
    store.update(setTab("paths"));
    const q = store.get().path.query;
    if (q.from && q.to) void explorer.runPaths();
  };
  return (
    <ul
      ref={ref}
      className="context-menu"
      role="menu"
      style={{ left: place.x, top: place.y, maxHeight: place.maxHeight }}
      data-testid="context-menu"
    >
      <li className="menu-title">{name}</li>
      {item("Details", () => store.update(select({ kind: "entity", id })))}
      {item("Path from here", () => pathEnd("from"))}
      {item("Path to here", () => pathEnd("to"))}
      {item("Expand neighbours", () => void explorer.expand(id))}
      {item("Hide", () => explorer.hide([id]))}
      {item("Hide others", () => explorer.hideOthers(id))}
      {item("Centre", () => store.update(requestCamera({ kind: "node", id })))}
    </ul>
  );
}
