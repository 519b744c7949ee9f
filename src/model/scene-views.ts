// What a scene keeps of the analysis views (issue 15) beside its frozen records: the measure entities were sized
// by (with the scores, so the slide draws the same sizes), the blocs (colour and members), the triad or pair of
// the balance list that was in focus, and the change between two dates that was drawn. All optional: a scene
// captured without them reads as before. Validated with the deck (deck.ts); ids must name the scene's records.

import { z } from "zod";
import { dateSchema } from "./dataset-schema.ts";
import { RELATION_TYPE_NAMES, type RelationType } from "./relations.ts";
import type { IsoDate } from "./types.ts";

export interface SceneViews {
  sizeBy?: { measure: string; label: string; scores: Record<string, number> };
  blocs?: { color: string; members: string[] }[];
  focus?: { title: string; sentence: string; nodes: string[]; relations: string[] };
  changes?: { from: IsoDate; to: IsoDate; added: string[]; ended: string[]; changed: string[] };
  /** Collapsed groups: the group entity and the members folded into it (not in the scene's entities). */
  groups?: { id: string; members: string[] }[];
  /** The aggregated relations drawn for collapsed groups (model/groups.ts), with their label. */
  aggregates?: SceneAggregate[];
}

export interface SceneAggregate {
  id: string;
  from: string;
  to: string;
  type: RelationType;
  label: string;
  count: number;
  confidence: number;
}

const id = z.string({ error: "expected an id (a string)" }).min(1, { error: "an id must not be empty" });
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "expected a colour as #rrggbb" });

export const sceneViewsSchema = z.strictObject({
  sizeBy: z
    .strictObject({
      measure: z.string().min(1),
      label: z.string().max(200),
      scores: z.record(z.string(), z.number().finite({ error: "expected a finite score" })),
    })
    .optional(),
  blocs: z.array(z.strictObject({ color, members: z.array(id) })).optional(),
  focus: z
    .strictObject({
      title: z.string().max(200),
      sentence: z.string().max(4_000),
      nodes: z.array(id),
      relations: z.array(id),
    })
    .optional(),
  changes: z
    .strictObject({
      from: dateSchema,
      to: dateSchema,
      added: z.array(id),
      ended: z.array(id),
      changed: z.array(id),
    })
    .optional(),
  groups: z.array(z.strictObject({ id, members: z.array(id) })).optional(),
  aggregates: z
    .array(
      z.strictObject({
        id,
        from: id,
        to: id,
        type: z.enum(RELATION_TYPE_NAMES as [RelationType, ...RelationType[]], {
          error: (issue) => `unknown relation type "${String(issue.input)}"`,
        }),
        label: z.string().max(1_000),
        count: z.number().int().min(1),
        confidence: z.number().min(0).max(1),
      }),
    )
    .optional(),
});

/** Every entity and relation id the views name, with where, so the deck can say which one is not in the scene. */
export function sceneViewRefs(
  views: SceneViews,
): { path: (string | number)[]; id: string; of: "entity" | "relation" }[] {
  const out: { path: (string | number)[]; id: string; of: "entity" | "relation" }[] = [];
  for (const key of Object.keys(views.sizeBy?.scores ?? {}))
    out.push({ path: ["sizeBy", "scores", key], id: key, of: "entity" });
  views.blocs?.forEach((b, i) =>
    b.members.forEach((m, j) => out.push({ path: ["blocs", i, "members", j], id: m, of: "entity" })),
  );
  views.focus?.nodes.forEach((n, i) => out.push({ path: ["focus", "nodes", i], id: n, of: "entity" }));
  views.focus?.relations.forEach((r, i) => out.push({ path: ["focus", "relations", i], id: r, of: "relation" }));
  views.groups?.forEach((g, i) => out.push({ path: ["groups", i, "id"], id: g.id, of: "entity" }));
  views.aggregates?.forEach((a, i) => {
    out.push({ path: ["aggregates", i, "from"], id: a.from, of: "entity" });
    out.push({ path: ["aggregates", i, "to"], id: a.to, of: "entity" });
  });
  for (const list of ["added", "ended", "changed"] as const)
    views.changes?.[list].forEach((r, i) => out.push({ path: ["changes", list, i], id: r, of: "relation" }));
  return out;
}
