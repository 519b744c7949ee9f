// Which side panels are open (the tabs on the left, the details on the right), as a small pure record remembered
// across visits, and where the entity menu goes so that it stays inside the canvas. The widths themselves are CSS
// (styles.css): each open panel takes at most a quarter of the window, so the canvas always keeps half of it.

export const PANELS = ["side", "details"] as const;
export type PanelId = (typeof PANELS)[number];

export type PanelsOpen = Readonly<Record<PanelId, boolean>>;

export const ALL_PANELS_OPEN: PanelsOpen = { side: true, details: true };

export const PANELS_STORAGE_KEY = "statecraft.panels";

/** Reads what was stored; anything unreadable (absent, old, hand-edited) leaves that panel open. */
export function parsePanels(stored: string | null): PanelsOpen {
  if (!stored) return ALL_PANELS_OPEN;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return ALL_PANELS_OPEN;
  }
  if (typeof value !== "object" || value === null) return ALL_PANELS_OPEN;
  const record = value as Record<string, unknown>;
  return { side: record.side !== false, details: record.details !== false };
}

export function serializePanels(panels: PanelsOpen): string {
  return JSON.stringify({ side: panels.side, details: panels.details });
}

export function togglePanelIn(panels: PanelsOpen, panel: PanelId): PanelsOpen {
  return { ...panels, [panel]: !panels[panel] };
}

export interface Box {
  width: number;
  height: number;
}

/** The part of the container the menu may use, in the container's pixels (its box cut to the visible window). */
export interface Room {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where to draw a menu of `menu` size asked for at `at` (the pointer, in the container's pixels) so that all of it
 * lies inside `room`: moved left or up by as much as it would overflow, never past the room's top-left corner; and
 * the height it may take (less than its own when the room is shorter, so it scrolls instead of leaving the window).
 */
export function placeMenu(
  at: { x: number; y: number },
  menu: Box,
  room: Room,
  margin = 4,
): { x: number; y: number; maxHeight: number } {
  const fit = (p: number, size: number, start: number, end: number) =>
    Math.max(start + Math.min(margin, (end - start) / 2), Math.min(p, end - size - margin));
  const maxHeight = Math.max(0, Math.min(menu.height, room.bottom - room.top - 2 * margin));
  return {
    x: fit(at.x, menu.width, room.left, room.right),
    y: fit(at.y, maxHeight, room.top, room.bottom),
    maxHeight,
  };
}
