// Small SVG marks that match what the canvas draws: a node shape in its kind's colour, or a relation line in its
// stance's colour (straight, with an arrow, curved, dashed, or thin to thick). Used by the legend, the details panel and the filters.

import type { NodeShape } from "../graph/style.ts";

const SHAPE_PATHS: Record<Exclude<NodeShape, "circle" | "ring">, string> = {
  square: "M2.6 2.6H13.4V13.4H2.6Z",
  diamond: "M8 1L15 8L8 15L1 8Z",
  triangle: "M8 1.5L14.5 13H1.5Z",
  "triangle-down": "M8 14.5L14.5 3H1.5Z",
  hexagon: "M8 1L14.1 4.5V11.5L8 15L1.9 11.5V4.5Z",
  plus: "M5.3 1H10.7V5.3H15V10.7H10.7V15H5.3V10.7H1V5.3H5.3Z",
  star: "M8 1L9.9 6.1L15 6.1L10.9 9.3L12.4 14.6L8 11.4L3.6 14.6L5.1 9.3L1 6.1L6.1 6.1Z",
};

export function ShapeSwatch({ shape, color, size = 14 }: { shape: NodeShape; color: string; size?: number }) {
  return (
    <svg className="swatch" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      {shape === "circle" ? (
        <circle cx="8" cy="8" r="7" fill={color} />
      ) : shape === "ring" ? (
        <circle cx="8" cy="8" r="5.4" fill="none" stroke={color} strokeWidth="3.2" />
      ) : (
        <path d={SHAPE_PATHS[shape]} fill={color} />
      )}
    </svg>
  );
}

export type LineMark = "line" | "arrow" | "curve" | "dashed" | "width";

export function LineSwatch({ color, mark = "line" }: { color: string; mark?: LineMark }) {
  return (
    <svg className="swatch" width={22} height={14} viewBox="0 0 22 14" aria-hidden="true">
      {mark === "dashed" ? (
        <line x1="1" y1="7" x2="21" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray="5 3" />
      ) : mark === "width" ? (
        <path d="M1 6.5L21 4V10L1 7.5Z" fill={color} />
      ) : mark === "curve" ? (
        <>
          <path d="M1 11Q11 -2 21 11" fill="none" stroke={color} strokeWidth="2" />
          <path d="M1 11Q11 18 21 11" fill="none" stroke={color} strokeWidth="2" />
        </>
      ) : (
        <line x1="1" y1="7" x2={mark === "arrow" ? 15 : 21} y2="7" stroke={color} strokeWidth="2.5" />
      )}
      {mark === "arrow" && <path d="M14 2.5L21 7L14 11.5Z" fill={color} />}
    </svg>
  );
}
