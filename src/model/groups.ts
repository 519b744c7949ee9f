// Groups that open and close (issue 15): an entity with MEMBER_OF / PART_OF members (NATO, the EU, a ministry's
// government) folds its members into itself. Their relations with the rest are drawn as aggregated relations, one
// per (end, type, end) with the count and the members behind it ("3 NATO members sanction Russia"); the
// memberships and the relations among members are folded away with the group. Nothing is lost: every relation is
// either still drawn, inside exactly one aggregate, or folded into exactly one group, and expanding restores it.

import type { RelationType, Stance } from "./relations.ts";

export const MEMBERSHIP_TYPES: readonly RelationType[] = ["MEMBER_OF", "PART_OF"];

/** Aggregated relations are keyed "group:<from>|<type>|<to>": no stored relation has such an id. */
export const AGGREGATE_PREFIX = "group:";

export const isAggregateId = (id: string): boolean => id.startsWith(AGGREGATE_PREFIX);

export interface FoldRelation {
  id: string;
  type: RelationType;
  stance: Stance;
  from: string;
  to: string;
  confidence: number;
}

export interface Aggregate {
  /** "group:<from>|<type>|<to>": stable, so the drawing keeps it across recomputations. */
  id: string;
  from: string;
  to: string;
  type: RelationType;
  stance: Stance;
  /** The relations it stands for, sorted by id. */
  relations: string[];
  /** The members of the `from` group behind it, and of the `to` group, sorted (empty for an end left as it is). */
  fromMembers: string[];
  toMembers: string[];
  /** The surest of its relations. */
  confidence: number;
}

export interface Fold {
  /** Members folded into a collapsed group, with the group they went into. */
  folded: Map<string, string>;
  /** Relations no longer drawn as they are: memberships and relations among one group's members, by group. */
  inside: Map<string, string[]>;
  aggregates: Aggregate[];
  /** Relations drawn unchanged. */
  kept: string[];
}

/** The members of each group: the entities with a membership relation pointing at it, sorted. */
export function groupMembers(relations: readonly FoldRelation[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of relations) {
    if (!MEMBERSHIP_TYPES.includes(r.type) || r.from === r.to) continue;
    out.set(r.to, (out.get(r.to) ?? new Set()).add(r.from));
  }
  return new Map([...out].map(([g, m]) => [g, [...m].sort()]));
}

/**
 * Folds the collapsed groups. A member of two collapsed groups goes into the first by id; a collapsed group that is
 * itself a member of another collapsed group stays where it is (groups do not nest), so no relation is folded twice.
 */
export function foldGroups(relations: readonly FoldRelation[], collapsed: Iterable<string>): Fold {
  const members = groupMembers(relations);
  const groups = [...new Set(collapsed)].filter((g) => members.has(g)).sort();
  const groupSet = new Set(groups);
  const folded = new Map<string, string>();
  for (const g of groups) {
    for (const m of members.get(g)!) if (!folded.has(m) && !groupSet.has(m)) folded.set(m, g);
  }
  const rep = (id: string) => folded.get(id) ?? id;
  const inside = new Map<string, string[]>();
  const byKey = new Map<string, Aggregate>();
  const kept: string[] = [];
  for (const r of [...relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const a = rep(r.from);
    const b = rep(r.to);
    if (a === r.from && b === r.to) {
      kept.push(r.id);
      continue;
    }
    if (a === b) {
      inside.set(a, [...(inside.get(a) ?? []), r.id]);
      continue;
    }
    const id = `${AGGREGATE_PREFIX}${a}|${r.type}|${b}`;
    const agg = byKey.get(id) ?? {
      id,
      from: a,
      to: b,
      type: r.type,
      stance: r.stance,
      relations: [],
      fromMembers: [],
      toMembers: [],
      confidence: 0,
    };
    agg.relations.push(r.id);
    if (a !== r.from && !agg.fromMembers.includes(r.from)) agg.fromMembers.push(r.from);
    if (b !== r.to && !agg.toMembers.includes(r.to)) agg.toMembers.push(r.to);
    agg.confidence = Math.max(agg.confidence, r.confidence);
    byKey.set(id, agg);
  }
  const aggregates = [...byKey.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const agg of aggregates) {
    agg.fromMembers.sort();
    agg.toMembers.sort();
  }
  return { folded, inside, aggregates, kept };
}

/** "2 members of NATO sanction Russia", "Russia threatens Poland of NATO": the aggregate in words. */
export function aggregateSentence(agg: Aggregate, reading: string, name: (id: string) => string): string {
  const side = (group: string, members: readonly string[]) =>
    members.length === 0
      ? name(group)
      : members.length === 1
        ? `${name(members[0]!)} (of ${name(group)})`
        : `${members.length} members of ${name(group)}`;
  return `${side(agg.from, agg.fromMembers)} ${reading} ${side(agg.to, agg.toMembers)}`;
}
