// The look of the canvas as data: a colour and a shape per entity kind, a colour per stance, node size by degree,
// and the muted colours used when something is dimmed. The legend and the reducers both read from here.

import { ENTITY_KINDS, STANCES, type EntityKind, type Stance } from "../../model/index.ts";

/** Shapes the node program can draw; the index is what the shader receives. */
export const NODE_SHAPES = [
  "circle",
  "square",
  "diamond",
  "triangle",
  "triangle-down",
  "hexagon",
  "ring",
  "plus",
  "star",
] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

export interface KindStyle {
  color: string;
  shape: NodeShape;
}

export const KIND_STYLE: Record<EntityKind, KindStyle> = {
  Country: { color: "#3f6fb0", shape: "circle" },
  Company: { color: "#e07b1f", shape: "square" },
  Alliance: { color: "#2a9d9a", shape: "hexagon" },
  Organization: { color: "#9a5fb4", shape: "diamond" },
  GovernmentBody: { color: "#8c6a4f", shape: "triangle" },
  Person: { color: "#c9a400", shape: "ring" },
  Group: { color: "#e06a8c", shape: "triangle-down" },
  Region: { color: "#6f8f3a", shape: "plus" },
  Media: { color: "#5a5a66", shape: "star" },
  // Sanctioned ships and planes come with feeds (OpenSanctions): shapes shared with other kinds, colours their own.
  Vessel: { color: "#1b7f9e", shape: "diamond" },
  Aircraft: { color: "#7a4fd8", shape: "triangle" },
};

export const STANCE_COLOR: Record<Stance, string> = {
  hostile: "#d62f2f",
  cooperative: "#1f9d55",
  neutral: "#9a9aa6",
  structural: "#6c7fd8",
};

export const CANVAS_BACKGROUND = "#fbfbf9";
export const DIM_NODE_COLOR = "#e3e3de";
export const DIM_EDGE_COLOR = "#ededea";
export const HIGHLIGHT_EDGE_COLOR = "#111111";
export const UNKNOWN_COLOR = "#999999";

export function kindStyle(kind: string): KindStyle {
  return (KIND_STYLE as Record<string, KindStyle>)[kind] ?? { color: UNKNOWN_COLOR, shape: "circle" };
}

export function stanceColor(stance: string): string {
  return (STANCE_COLOR as Record<string, string>)[stance] ?? UNKNOWN_COLOR;
}

export function shapeIndex(shape: NodeShape): number {
  return NODE_SHAPES.indexOf(shape);
}

/** Node size in pixels at zoom 1: grows with the square root of the degree, capped so hubs stay readable. */
export function nodeSize(degree: number): number {
  return Math.min(22, 4 + 2.2 * Math.sqrt(Math.max(0, degree)));
}

/** Edge thickness: surer claims draw thicker, from 1 px (confidence 0) to 3 px (confidence 1), clamped. */
export function edgeSize(confidence: number): number {
  return 1 + 2 * Math.max(0, Math.min(1, Number.isFinite(confidence) ? confidence : 0));
}

/**
 * Dash and gap lengths (CSS pixels at scale 1) of a relation inferred by the analyst rather than stated by a source:
 * the WebGL program (edge-dash-program.ts) and every export draw this same pattern.
 */
export const DASH_PATTERN: readonly [number, number] = [7, 5];

/** Every kind and stance has a style: the registry lists and this module must not drift apart. */
export function missingStyles(): string[] {
  return [...ENTITY_KINDS.filter((k) => !(k in KIND_STYLE)), ...STANCES.filter((s) => !(s in STANCE_COLOR))];
}
