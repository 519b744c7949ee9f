// The legend as data, built from what is on screen: one entry per entity kind and per stance actually drawn (with
// counts), plus the conventions in use (arrows, size, line width, dashes, curves, dimming). Pure, so the legend can never claim a colour
// that is not on the canvas nor miss one that is.

import { ENTITY_KINDS, KIND_INFO, STANCES, STANCE_INFO, type EntityKind, type Stance } from "../../model/index.ts";
import { DIM_NODE_COLOR, KIND_STYLE, STANCE_COLOR, type NodeShape } from "../graph/style.ts";

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** Node entries have a shape; relation entries draw as a line. */
  shape?: NodeShape;
  mark: "node" | "line" | "arrow" | "curve" | "dashed" | "width" | "dim" | "size";
  count?: number;
  description: string;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

export interface LegendInput {
  kinds: Partial<Record<EntityKind, number>>;
  stances: Partial<Record<Stance, number>>;
  /** Visible relations of a directed type, and of a symmetric type. */
  directed: number;
  symmetric: number;
  /** Visible pairs of entities joined by more than one relation. */
  parallel: number;
  /** Visible relations inferred by the analyst (drawn dashed). */
  inferred: number;
  /** What dims the rest, if anything. */
  focus: "path" | "selection" | "hover" | "views" | null;
  /** The measure entities are sized by, when not their number of relations (analysis/views.ts). */
  sizeBy?: { label: string; description: string };
}

export function buildLegend(input: LegendInput): LegendSection[] {
  const sections: LegendSection[] = [];
  const kinds = ENTITY_KINDS.filter((k) => (input.kinds[k] ?? 0) > 0).map<LegendItem>((k) => ({
    key: `kind:${k}`,
    label: capitalise(KIND_INFO[k].plural),
    color: KIND_STYLE[k].color,
    shape: KIND_STYLE[k].shape,
    mark: "node",
    count: input.kinds[k],
    description: KIND_INFO[k].definition,
  }));
  if (kinds.length) {
    kinds.push({
      key: "size",
      label: `Size: ${input.sizeBy?.label ?? "number of relations"}`,
      color: "#888888",
      mark: "size",
      description: input.sizeBy?.description ?? "Bigger shapes have more relations in the whole graph.",
    });
    sections.push({ title: "Entities", items: kinds });
  }
  const stances = STANCES.filter((s) => (input.stances[s] ?? 0) > 0).map<LegendItem>((s) => ({
    key: `stance:${s}`,
    label: STANCE_INFO[s].label,
    color: STANCE_COLOR[s],
    mark: "line",
    count: input.stances[s],
    description: STANCE_INFO[s].definition,
  }));
  if (stances.length) {
    if (input.directed > 0) {
      stances.push({
        key: "arrow",
        label: "Arrow: who does what to whom",
        color: "#555555",
        mark: "arrow",
        description: "The arrow points from the actor to the target.",
      });
    }
    if (input.symmetric > 0) {
      stances.push({
        key: "symmetric",
        label: "No arrow: mutual relation",
        color: "#555555",
        mark: "line",
        description: "Symmetric relations (allied with, cooperates with, trades with, related to) have no arrow.",
      });
    }
    stances.push({
      key: "width",
      label: "Width: confidence",
      color: "#555555",
      mark: "width",
      description: "Thicker lines are surer claims: from 1 px at confidence 0 to 3 px at confidence 1.",
    });
    if (input.inferred > 0) {
      stances.push({
        key: "dashed",
        label: "Dashed: inferred",
        color: "#555555",
        mark: "dashed",
        count: input.inferred,
        description:
          "Inferred by the analyst, not stated by a source (drawn straight, even beside parallel relations).",
      });
    }
    if (input.parallel > 0) {
      stances.push({
        key: "curve",
        label: "Curves: several relations",
        color: "#555555",
        mark: "curve",
        description: "Relations between the same two entities curve apart so none hides another.",
      });
    }
    sections.push({ title: "Relations", items: stances });
  }
  if (input.focus) {
    const what = {
      path: "Not on the paths found",
      selection: "Not linked to the selection",
      hover: "Not linked",
      views: "Not in the focus of the analysis",
    };
    sections.push({
      title: "Focus",
      items: [
        {
          key: "dim",
          label: what[input.focus],
          color: DIM_NODE_COLOR,
          mark: "dim",
          description: "Greyed out to let the focus stand out; still there.",
        },
      ],
    });
  }
  return sections;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
