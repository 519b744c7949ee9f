// The right panel: the selected entity or relation in full, else the highlighted path step by step, else a short
// guide. It can be closed to a rail (PanelToggle) and opened again.

import { useExplorerState } from "../app/context.ts";
import { EntityDetails } from "./EntityDetails.tsx";
import { PanelToggle } from "./PanelToggle.tsx";
import { PathDetails } from "./PathDetails.tsx";
import { RelationDetails } from "./RelationDetails.tsx";
import { AggregateDetails } from "../analysis/AggregateDetails.tsx";
import { isAggregateId } from "../../model/groups.ts";

export function DetailsPanel() {
  const selection = useExplorerState((s) => s.selection);
  const open = useExplorerState((s) => s.panels.details);
  const path = useExplorerState((s) => s.path);
  const shownPath =
    !selection && path.status === "done" && path.active !== null ? path.results[path.active] : undefined;
  if (!open) {
    return (
      <aside className="details-panel collapsed" aria-label="Details (closed)">
        <PanelToggle panel="details" open={false} label="Show the details panel" />
      </aside>
    );
  }
  return (
    <aside className="details-panel" aria-label="Details">
      <PanelToggle panel="details" open label="Hide the details panel" />
      {selection?.kind === "entity" && <EntityDetails key={selection.id} id={selection.id} />}
      {selection?.kind === "relation" &&
        (isAggregateId(selection.id) ? (
          // Drawn for a folded group, not stored: read from the fold, never asked of the server.
          <AggregateDetails key={selection.id} id={selection.id} />
        ) : (
          <RelationDetails key={selection.id} id={selection.id} />
        ))}
      {shownPath && <PathDetails path={shownPath} index={path.active!} count={path.results.length} />}
      {!selection && !shownPath && (
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
