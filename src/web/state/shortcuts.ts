// Keyboard shortcuts as a declarative registry (the "?" dialog lists it) and a pure matcher from a key event to an
// action id. While typing in a field only Escape is taken, so "/" and "p" can still be typed.

export const SHORTCUTS = [
  { id: "focus-search", keys: ["/"], label: "Focus the search field" },
  { id: "clear", keys: ["Escape"], label: "Clear the selection, highlights and menus" },
  { id: "undo", keys: ["Ctrl+Z", "Meta+Z"], label: "Undo (expand, hide)" },
  { id: "redo", keys: ["Ctrl+Shift+Z", "Meta+Shift+Z", "Ctrl+Y"], label: "Redo" },
  { id: "paths", keys: ["p"], label: "Open the path finder" },
  { id: "filters", keys: ["f"], label: "Open the filters" },
  { id: "expand", keys: ["e"], label: "Expand the selected entity's neighbours" },
  { id: "hide", keys: ["h", "Delete"], label: "Hide the selected entity" },
  { id: "fit", keys: ["0"], label: "Fit the whole graph in view" },
  { id: "layout", keys: ["l"], label: "Run the layout again" },
  { id: "map", keys: ["m"], label: "Place entities on the world map, or back to the force layout" },
  { id: "play", keys: ["t"], label: "Play or pause the time slider" },
  { id: "side-panel", keys: ["["], label: "Hide or show the side panel" },
  { id: "details-panel", keys: ["]"], label: "Hide or show the details panel" },
  { id: "help", keys: ["?"], label: "Show these shortcuts" },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]["id"];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** "Ctrl+Shift+Z" for a key event (letters upper-cased only with modifiers; "?" and "/" stay as typed). */
export function keyCombo(event: KeyLike): string {
  const parts: string[] = [];
  if (event.ctrlKey) parts.push("Ctrl");
  if (event.metaKey) parts.push("Meta");
  if (event.altKey) parts.push("Alt");
  const modified = event.ctrlKey || event.metaKey || event.altKey;
  if (modified && event.shiftKey) parts.push("Shift");
  parts.push(modified && event.key.length === 1 ? event.key.toUpperCase() : event.key);
  return parts.join("+");
}

export function matchShortcut(event: KeyLike, typing: boolean): ShortcutId | undefined {
  const combo = keyCombo(event);
  if (typing && combo !== "Escape") return undefined;
  return SHORTCUTS.find((s) => (s.keys as readonly string[]).includes(combo))?.id;
}
