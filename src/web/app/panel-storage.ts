// The open side panels in localStorage, so a reader who closed one finds it closed next time. Storage can be full
// or disabled; then the panels simply open as they do the first time.

import { PANELS_STORAGE_KEY, parsePanels, serializePanels, type PanelsOpen } from "../state/panels.ts";

export function loadPanels(): PanelsOpen {
  try {
    return parsePanels(window.localStorage.getItem(PANELS_STORAGE_KEY));
  } catch {
    return parsePanels(null);
  }
}

export function savePanels(panels: PanelsOpen): void {
  try {
    window.localStorage.setItem(PANELS_STORAGE_KEY, serializePanels(panels));
  } catch {
    // storage full or disabled: the choice lasts for this visit only
  }
}
