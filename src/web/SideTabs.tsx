// The left panel's tabs, from a declarative registry: filters, the path finder, the Cypher console, briefings and
// reports (whose review of proposed claims covers the canvas: reports/ReportReview.tsx, placed by App.tsx).
// It sits beside App.tsx, above the folders, because it composes panels from several of them (components, console,
// briefing); inside components/ it made components and briefing import each other.

import type { ReactNode } from "react";
import { useExplorer, useExplorerState } from "./app/context.ts";
import { AnalysisTab } from "./AnalysisTab.tsx";
import { BriefingsPanel } from "./briefing/BriefingsPanel.tsx";
import { setTab } from "./state/explorer-state.ts";
import type { Tab } from "./state/url-state.ts";
import { CypherTab } from "./components/CypherTab.tsx";
import { FiltersPanel } from "./components/FiltersPanel.tsx";
import { PanelToggle } from "./components/PanelToggle.tsx";
import { PathFinder } from "./components/PathFinder.tsx";
import { ReportsPanel } from "./reports/ReportsPanel.tsx";

const TAB_REGISTRY: readonly { id: Tab; label: string; key?: string; render: () => ReactNode }[] = [
  { id: "filters", label: "Filters", key: "f", render: () => <FiltersPanel /> },
  { id: "paths", label: "Paths", key: "p", render: () => <PathFinder /> },
  { id: "analysis", label: "Analysis", render: () => <AnalysisTab /> },
  {
    id: "cypher",
    label: "Cypher",
    render: () => <CypherTab />,
  },
  {
    id: "briefings",
    label: "Briefings",
    render: () => <BriefingsPanel />,
  },
  {
    id: "reports",
    label: "Reports",
    render: () => <ReportsPanel />,
  },
];

export function SideTabs() {
  const explorer = useExplorer();
  const { store } = explorer;
  const tab = useExplorerState((s) => s.tab);
  const open = useExplorerState((s) => s.panels.side);
  const current = TAB_REGISTRY.find((t) => t.id === tab) ?? TAB_REGISTRY[0]!;
  if (!open) {
    return (
      <aside className="side-panel collapsed" aria-label="Side panel (closed)">
        <PanelToggle panel="side" open={false} label={`Show the side panel (${current.label})`} />
      </aside>
    );
  }
  return (
    <aside className={tab === "cypher" ? "side-panel wide" : tab === "paths" ? "side-panel roomy" : "side-panel"}>
      <nav className="tabs" role="tablist">
        <PanelToggle panel="side" open label="Hide the side panel" />
        {TAB_REGISTRY.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={t.id === tab}
            className={t.id === tab ? "tab active" : "tab"}
            onClick={() => store.update(setTab(t.id))}
            title={t.key ? `${t.label} (${t.key})` : t.label}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel">
        {current.render()}
      </div>
    </aside>
  );
}
