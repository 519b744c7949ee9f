// The Analysis tab as the side panel shows it: the analysis panel, told when the open deck's last scene was
// captured (for "what changed since"). Beside SideTabs because it reads the briefing's state, which the analysis
// folder must not import (briefing imports analysis to capture its views).

import { AnalysisPanel } from "./analysis/AnalysisPanel.tsx";
import { useBriefingState } from "./briefing/use-briefing.ts";

export function AnalysisTab() {
  const lastSceneAt = useBriefingState((s) => s.deck?.scenes.at(-1)?.capturedAt);
  return <AnalysisPanel lastSceneAt={lastSceneAt} />;
}
