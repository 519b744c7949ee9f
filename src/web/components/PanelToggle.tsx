// The button that closes a side panel, or (on the narrow rail a closed panel leaves) opens it again. A button, so
// Tab reaches it; "[" and "]" do the same from anywhere (state/shortcuts.ts).

import { useExplorer } from "../app/context.ts";
import type { PanelId } from "../state/panels.ts";

const ARROWS: Record<PanelId, { open: string; closed: string; key: string }> = {
  // The arrow points where the panel goes.
  side: { open: "«", closed: "»", key: "[" },
  details: { open: "»", closed: "«", key: "]" },
};

export function PanelToggle({ panel, open, label }: { panel: PanelId; open: boolean; label: string }) {
  const explorer = useExplorer();
  const arrows = ARROWS[panel];
  return (
    <button
      type="button"
      className={`panel-toggle ${panel}`}
      aria-label={label}
      aria-expanded={open}
      title={`${label} (${arrows.key})`}
      data-testid={`toggle-${panel}`}
      onClick={() => explorer.togglePanel(panel)}
    >
      {open ? arrows.open : arrows.closed}
    </button>
  );
}
