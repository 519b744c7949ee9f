// The right-click menu on an entity: paths from/to here, expand, hide, hide others, centre, details.

import { useExplorer, useExplorerState } from "../app/context.ts";
import { closeMenu, rememberNames, requestCamera, select, setPathQuery, setTab } from "../state/explorer-state.ts";

export function ContextMenu() {
  const explorer = useExplorer();
  const { store, graph } = explorer;
  const menu = useExplorerState((s) => s.menu);
  if (!menu || !graph.hasNode(menu.node)) return null;
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
    <ul className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }} data-testid="context-menu">
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
