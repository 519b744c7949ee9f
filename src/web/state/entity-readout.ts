// An entity's relations read with the registry, grouped by type and direction: "China protects Chinese companies…"
// for relations it does, "China is criticized by Russia" for ones done to it. Also its aliases by language.

import {
  getRelationSpec,
  readStep,
  type EntityDetail,
  type EntitySummary,
  type RelationRecord,
  type RelationType,
} from "../../model/index.ts";

export interface RelationLine {
  relation: RelationRecord;
  sentence: string;
  other: EntitySummary;
}

export interface RelationGroup {
  key: string;
  type: RelationType;
  direction: "out" | "in";
  /** "protects" or "is protected by". */
  heading: string;
  lines: RelationLine[];
}

export function groupRelations(
  entity: Pick<EntityDetail, "id" | "name" | "relations" | "neighbours">,
): RelationGroup[] {
  const names = new Map<string, EntitySummary>(entity.neighbours.map((n) => [n.id, n]));
  names.set(entity.id, { id: entity.id, name: entity.name, kind: "Country" });
  const groups = new Map<string, RelationGroup>();
  for (const r of entity.relations) {
    const spec = getRelationSpec(r.type);
    const out = r.from === entity.id;
    const direction = out || spec.symmetric ? "out" : "in";
    const otherId = out ? r.to : r.from;
    const other = names.get(otherId) ?? { id: otherId, name: otherId, kind: "Country" as const };
    const ends = {
      type: r.type,
      from: { id: r.from, name: names.get(r.from)?.name ?? r.from },
      to: { id: r.to, name: names.get(r.to)?.name ?? r.to },
    };
    const key = `${r.type}:${direction}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, type: r.type, direction, heading: direction === "out" ? spec.reading : spec.inverse, lines: [] };
      groups.set(key, group);
    }
    group.lines.push({ relation: r, sentence: readStep(ends, entity.id), other });
  }
  return [...groups.values()].sort((a, b) => b.lines.length - a.lines.length || a.key.localeCompare(b.key));
}

const LANGUAGES = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" });
  } catch {
    return undefined;
  }
})();

export function languageName(code: string): string {
  try {
    return LANGUAGES?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Aliases by language, English first, then by language name. */
export function aliasesByLanguage(
  aliases: Record<string, string[]>,
): { code: string; language: string; names: string[] }[] {
  return Object.entries(aliases)
    .filter(([, names]) => names.length > 0)
    .map(([code, names]) => ({ code, language: languageName(code), names }))
    .sort((a, b) => (a.code === "en" ? -1 : b.code === "en" ? 1 : a.language.localeCompare(b.language)));
}
