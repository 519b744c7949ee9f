// The sources of a slide as numbered footnotes: every source the shown relations' evidence cites, once, the
// highlighted relations' sources first, each with the numbers each relation points to ("[1][3]"). One wording for
// the presenter, the PNG's source line, the SVG, the PDF and the HTML viewer.

import type { RelationRecord, SourceRecord } from "../../model/api.ts";
import type { Scene } from "../../model/deck.ts";
import { formatDate } from "../state/time-stops.ts";

export interface Footnote {
  n: number;
  /** Undefined when the evidence cites a source id the scene holds no record of. */
  source?: SourceRecord;
  id: string;
  /** "China vows to defend its firms … · Foreign-policy news report · 9 Mar 2022". */
  text: string;
}

export interface SceneFootnotes {
  notes: Footnote[];
  /** Footnote numbers per relation id, in evidence order. */
  byRelation: Map<string, number[]>;
}

export function describeSource(source: SourceRecord): string {
  const parts = [source.title];
  if (source.publisher) parts.push(source.publisher);
  if (source.published) parts.push(formatDate(source.published));
  return parts.join(" · ");
}

function orderedRelations(scene: Scene): RelationRecord[] {
  const h = scene.highlight;
  const first = new Set<string>(
    h?.kind === "path" ? h.relations : h?.kind === "relation" ? [h.id] : h?.kind === "entity" ? [] : [],
  );
  if (h?.kind === "entity") {
    for (const r of scene.relations) if (r.from === h.id || r.to === h.id) first.add(r.id);
  }
  const byId = new Map(scene.relations.map((r) => [r.id, r]));
  const out = [...first].flatMap((id) => byId.get(id) ?? []);
  for (const r of scene.relations) if (!first.has(r.id)) out.push(r);
  return out;
}

export function sceneFootnotes(scene: Scene): SceneFootnotes {
  const sources = new Map(scene.sources.map((s) => [s.id, s]));
  const numbers = new Map<string, number>();
  const notes: Footnote[] = [];
  const byRelation = new Map<string, number[]>();
  for (const r of orderedRelations(scene)) {
    const refs: number[] = [];
    for (const e of r.evidence) {
      let n = numbers.get(e.source);
      if (n === undefined) {
        n = notes.length + 1;
        numbers.set(e.source, n);
        const source = sources.get(e.source);
        notes.push(
          source
            ? { n, id: e.source, source, text: describeSource(source) }
            : { n, id: e.source, text: `source "${e.source}" (no record in this scene)` },
        );
      }
      if (!refs.includes(n)) refs.push(n);
    }
    byRelation.set(r.id, refs);
  }
  return { notes, byRelation };
}

/** "Sources: [1] … ; [2] …", cut to `max` notes with "and N more". */
export function sourceLine(notes: readonly Footnote[], max = 4): string {
  if (notes.length === 0) return "Sources: none cited";
  const shown = notes.slice(0, max).map((f) => `[${f.n}] ${f.text}`);
  const more = notes.length - shown.length;
  return `Sources: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}
