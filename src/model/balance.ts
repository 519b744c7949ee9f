// Structural balance over relations read as signs: cooperative +1, hostile -1, the rest no sign. A pair of entities
// takes the sign of its relations' confidence-weighted sum (a tie when they cancel out); a triangle of signed pairs
// is unbalanced when the product of its signs is negative ("the friend of my friend is my enemy"). Beside the
// triads it lists the "enemy of my enemy" pairs: two entities hostile to a common third with no relation of their
// own. Pure and deterministic (sorted ids), so the lists read the same on every run and in tests.

import { readRelation } from "./readout.ts";
import type { Stance } from "./relations.ts";

export interface SignedInput {
  id: string;
  type: string;
  from: string;
  to: string;
  stance: Stance;
  confidence: number;
}

export type Sign = 1 | -1;

/** A pair of entities with a sign, and the relation that speaks for it (the surest one of that sign). */
export interface SignedTie {
  a: string;
  b: string;
  sign: Sign;
  relation: SignedInput;
}

export interface UnbalancedTriad {
  /** The three entities, sorted. */
  nodes: [string, string, string];
  ties: [SignedTie, SignedTie, SignedTie];
  /** How many of the three ties are hostile: 1 (two friends of one are enemies) or 3 (everyone hostile). */
  hostile: 1 | 3;
  /** The relations that speak for the ties, for the canvas. */
  relations: string[];
  sentence: string;
}

export interface CommonEnemyPair {
  a: string;
  b: string;
  /** The third parties both are hostile with, sorted. */
  enemies: string[];
  relations: string[];
  sentence: string;
}

export interface BalanceReport {
  ties: number;
  triads: number;
  unbalanced: UnbalancedTriad[];
  enemyOfEnemy: CommonEnemyPair[];
}

export const STANCE_SIGN: Partial<Record<Stance, Sign>> = { cooperative: 1, hostile: -1 };

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The signed pairs, and every pair joined by any relation at all (signed or not). */
export function signedTies(relations: readonly SignedInput[]): { ties: Map<string, SignedTie>; linked: Set<string> } {
  const sums = new Map<string, { a: string; b: string; sum: number; best: Map<Sign, SignedInput> }>();
  const linked = new Set<string>();
  for (const r of relations) {
    if (r.from === r.to) continue;
    const key = pairKey(r.from, r.to);
    linked.add(key);
    const sign = STANCE_SIGN[r.stance];
    if (!sign) continue;
    const [a, b] = r.from < r.to ? [r.from, r.to] : [r.to, r.from];
    const entry = sums.get(key) ?? { a, b, sum: 0, best: new Map<Sign, SignedInput>() };
    const weight = Number.isFinite(r.confidence) && r.confidence > 0 ? r.confidence : 0;
    entry.sum += sign * weight;
    const held = entry.best.get(sign);
    if (!held || r.confidence > held.confidence || (r.confidence === held.confidence && r.id < held.id)) {
      entry.best.set(sign, r);
    }
    sums.set(key, entry);
  }
  const ties = new Map<string, SignedTie>();
  for (const [key, e] of sums) {
    if (e.sum === 0) continue;
    const sign: Sign = e.sum > 0 ? 1 : -1;
    ties.set(key, { a: e.a, b: e.b, sign, relation: e.best.get(sign)! });
  }
  return { ties, linked };
}

function neighbours(ties: Map<string, SignedTie>): Map<string, Map<string, SignedTie>> {
  const out = new Map<string, Map<string, SignedTie>>();
  const add = (x: string, y: string, t: SignedTie) => {
    const m = out.get(x) ?? new Map<string, SignedTie>();
    m.set(y, t);
    out.set(x, m);
  };
  for (const t of ties.values()) {
    add(t.a, t.b, t);
    add(t.b, t.a, t);
  }
  return out;
}

type Namer = (id: string) => string;

function clause(tie: SignedTie, name: Namer): string {
  const r = tie.relation;
  return readRelation({ type: r.type, from: { id: r.from, name: name(r.from) }, to: { id: r.to, name: name(r.to) } });
}

/**
 * The unbalanced triads and the "enemy of my enemy" pairs among the relations given. `limit` caps each list (the
 * counts in the report are not capped), so a dense graph cannot flood the panel.
 */
export function balanceReport(relations: readonly SignedInput[], name: Namer, limit = Infinity): BalanceReport {
  const { ties, linked } = signedTies(relations);
  const adj = neighbours(ties);
  const ids = [...adj.keys()].sort();
  const unbalanced: UnbalancedTriad[] = [];
  let triads = 0;
  for (const x of ids) {
    const nx = adj.get(x)!;
    const higher = [...nx.keys()].filter((y) => y > x).sort();
    for (let i = 0; i < higher.length; i++) {
      const y = higher[i]!;
      const ny = adj.get(y)!;
      for (let j = i + 1; j < higher.length; j++) {
        const z = higher[j]!;
        const yz = ny.get(z);
        if (!yz) continue;
        triads++;
        const xy = nx.get(y)!;
        const xz = nx.get(z)!;
        if (xy.sign * xz.sign * yz.sign > 0 || unbalanced.length >= limit) continue;
        const trio: [SignedTie, SignedTie, SignedTie] = [xy, yz, xz];
        const hostile = trio.filter((t) => t.sign < 0).length as 1 | 3;
        unbalanced.push({
          nodes: [x, y, z],
          ties: trio,
          hostile,
          relations: trio.map((t) => t.relation.id),
          sentence: trio.map((t) => clause(t, name)).join(", "),
        });
      }
    }
  }
  return { ties: ties.size, triads, unbalanced, enemyOfEnemy: commonEnemies(adj, linked, name, limit) };
}

function commonEnemies(
  adj: Map<string, Map<string, SignedTie>>,
  linked: ReadonlySet<string>,
  name: Namer,
  limit: number,
): CommonEnemyPair[] {
  const pairs = new Map<string, { a: string; b: string; enemies: Map<string, SignedTie[]> }>();
  for (const [middle, around] of adj) {
    const enemies = [...around].filter(([, t]) => t.sign < 0).map(([id]) => id);
    enemies.sort();
    for (let i = 0; i < enemies.length; i++) {
      for (let j = i + 1; j < enemies.length; j++) {
        const a = enemies[i]!;
        const b = enemies[j]!;
        const key = pairKey(a, b);
        if (linked.has(key)) continue;
        const entry = pairs.get(key) ?? { a, b, enemies: new Map<string, SignedTie[]>() };
        entry.enemies.set(middle, [around.get(a)!, around.get(b)!]);
        pairs.set(key, entry);
      }
    }
  }
  const out: CommonEnemyPair[] = [];
  for (const key of [...pairs.keys()].sort()) {
    if (out.length >= limit) break;
    const { a, b, enemies } = pairs.get(key)!;
    const middles = [...enemies.keys()].sort();
    const tiesOf = middles.flatMap((m) => enemies.get(m)!);
    const who = middles.map(name).join(" and ");
    out.push({
      a,
      b,
      enemies: middles,
      relations: tiesOf.map((t) => t.relation.id),
      sentence:
        `${name(a)} and ${name(b)} share ${middles.length > 1 ? "enemies" : "an enemy"}, ${who}, ` +
        `with no relation of their own (${tiesOf.map((t) => clause(t, name)).join("; ")})`,
    });
  }
  return out;
}
