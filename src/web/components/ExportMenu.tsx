// The top bar's "Export" menu: saves the view on screen as GEXF (for Gephi) or GraphML. One button, so the search
// field keeps its room on a small screen; the menu closes on a choice, on Escape and when focus leaves it.

import { useState } from "react";
import { useExplorer } from "../app/context.ts";
import { exportView } from "../app/view-export.ts";

const ITEMS = [
  { format: "gexf", label: "GEXF (Gephi)", title: "Entities and relations on screen, placed and coloured as here" },
  { format: "graphml", label: "GraphML", title: "Entities and relations on screen, with their kinds and types" },
] as const;

export function ExportMenu() {
  const explorer = useExplorer();
  const [open, setOpen] = useState(false);
  return (
    <div
      className="export-menu"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(false);
      }}
    >
      <button
        aria-label="Export"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="Save the view on screen for Gephi or another graph tool"
      >
        ⤓<span className="export-label"> Export</span> ▾
      </button>
      {open && (
        <div className="export-menu-items" role="menu">
          {ITEMS.map((item) => (
            <button
              key={item.format}
              role="menuitem"
              title={item.title}
              onClick={() => {
                setOpen(false);
                void exportView(explorer.graph, explorer.visibility, item.format);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
