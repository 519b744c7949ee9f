// The top bar: the entity search (choosing a hit centres, selects and if need be adds it), undo/redo of view
// changes, the map or force layout, layout, fit, saving the view for a shared link, the view's export for Gephi (GEXF) and GraphML tools,
// and the shortcuts help.

import { useExplorer, useExplorerState } from "../app/context.ts";
import { openDialog, redoView, requestCamera, relayout, toggleLayoutKind, undoView } from "../state/explorer-state.ts";
import { canRedo, canUndo } from "../state/history.ts";
import { ExportMenu } from "./ExportMenu.tsx";
import { SaveViewButton } from "./SaveViewButton.tsx";
import { SearchField } from "./SearchField.tsx";

export function Toolbar() {
  const explorer = useExplorer();
  const { store } = explorer;
  const history = useExplorerState((s) => s.history);
  const layoutRunning = useExplorerState((s) => s.layoutRunning);
  const onMap = useExplorerState((s) => s.layout === "map");

  return (
    <header className="topbar">
      <div className="brand" title="Statecraft: who does what to whom, with the evidence">
        Statecraft
      </div>
      <SearchField
        id="entity-search"
        label="Search entities"
        placeholder="Search names and aliases…  ( / )"
        onChoose={(entity) => void explorer.focusEntity(entity)}
      />
      <div className="toolbar-buttons">
        <button
          disabled={!canUndo(history)}
          onClick={() => store.update(undoView())}
          title="Undo (Ctrl+Z)"
          aria-label="Undo"
        >
          ↶<span className="button-words"> Undo</span>
        </button>
        <button
          disabled={!canRedo(history)}
          onClick={() => store.update(redoView())}
          title="Redo (Ctrl+Shift+Z)"
          aria-label="Redo"
        >
          ↷<span className="button-words"> Redo</span>
        </button>
        <button
          aria-pressed={onMap}
          onClick={() => store.update(toggleLayoutKind())}
          title={onMap ? "Back to the force layout (m)" : "Place entities on the world map (m)"}
        >
          {onMap ? "Graph" : "Map"}
        </button>
        <button
          disabled={layoutRunning || onMap}
          onClick={() => store.update(relayout())}
          title={onMap ? "The map places entities by geography" : "Run the layout again (l)"}
        >
          {layoutRunning ? "Laying out…" : "Layout"}
        </button>
        <button onClick={() => store.update(requestCamera({ kind: "fit" }))} title="Fit the graph in view (0)">
          Fit
        </button>
        <ExportMenu />
        <SaveViewButton />
        <button
          onClick={() => store.update(openDialog("shortcuts"))}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </header>
  );
}
