// The right panel: the selected entity or relation in full, or a short guide when nothing is selected.

import { useExplorerState } from "../app/context.ts";
import { EntityDetails } from "./EntityDetails.tsx";
import { RelationDetails } from "./RelationDetails.tsx";

export function DetailsPanel() {
  const selection = useExplorerState((s) => s.selection);
  return (
    <aside className="details-panel" aria-label="Details">
      {selection?.kind === "entity" && <EntityDetails key={selection.id} id={selection.id} />}
      {selection?.kind === "relation" && <RelationDetails key={selection.id} id={selection.id} />}
      {!selection && (
        <div className="guide">
          <h2>Details</h2>
          <p>Click an entity or a relation to read it here, with its evidence.</p>
          <ul className="muted">
            <li>Search with “/”, in any language (Beijing, 中国, Россия).</li>
            <li>Right-click an entity for paths and expansion; double-click expands it.</li>
            <li>Drag entities to arrange them; the picture is kept.</li>
            <li>Press “?” for every shortcut.</li>
          </ul>
        </div>
      )}
    </aside>
  );
}
