// Scoring of the report coder against the evaluation set (test/fixtures/extract): each expected claim
// ("TYPE from > to", "!" before a denied one) is matched to at most one proposed claim of the same item with the same
// type, the same negation and ends that are the expected id or name (folded). Precision and recall per relation type
// and overall follow from the matches.

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { ClaimActor, ProposedClaim } from "../../src/model/claims.ts";
import { foldText } from "../../src/model/text.ts";

export interface ExpectedClaim {
  type: string;
  negated: boolean;
  from: string;
  to: string;
}

export interface EvalItem {
  text: string;
  published: string;
  claims: ExpectedClaim[];
}

const CLAIM = /^(!?)([A-Z_]+)\s+(.+?)\s+>\s+(.+)$/;

/** The evaluation set; a malformed line is an error naming the file, the item and the line. */
export function readEvalSet(file: string): EvalItem[] {
  const doc = parse(readFileSync(file, "utf8")) as { published: string; items: { text: string; claims: string[] }[] };
  return doc.items.map((item, n) => ({
    text: item.text,
    published: doc.published,
    claims: item.claims.map((line) => {
      const m = CLAIM.exec(line);
      if (!m) throw new Error(`${file}: item ${n + 1}: claim "${line}" is not "TYPE from > to"`);
      return { negated: m[1] === "!", type: m[2]!, from: m[3]!, to: m[4]! };
    }),
  }));
}

function endMatches(expected: string, actual: ClaimActor): boolean {
  const e = foldText(expected);
  return e === actual.id || e === foldText(actual.name);
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  byType: Map<string, Tally>;
  overall: Tally;
  /** What was missed and what was proposed wrongly, for the reader of the bench. */
  misses: string[];
  wrong: string[];
}

export function scoreItems(items: readonly { item: EvalItem; proposed: readonly ProposedClaim[] }[]): Score {
  const byType = new Map<string, Tally>();
  const tally = (type: string) => {
    let t = byType.get(type);
    if (!t) byType.set(type, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const { item, proposed } of items) {
    const used = new Set<number>();
    for (const e of item.claims) {
      const k = proposed.findIndex(
        (p, i) =>
          !used.has(i) &&
          p.type === e.type &&
          p.negated === e.negated &&
          endMatches(e.from, p.from) &&
          endMatches(e.to, p.to),
      );
      if (k >= 0) {
        used.add(k);
        tally(e.type).tp++;
      } else {
        tally(e.type).fn++;
        misses.push(`${e.negated ? "!" : ""}${e.type} ${e.from} > ${e.to}   in "${item.text.slice(0, 70)}"`);
      }
    }
    proposed.forEach((p, i) => {
      if (used.has(i)) return;
      tally(p.type).fp++;
      wrong.push(`${p.negated ? "!" : ""}${p.type} ${p.from.name} > ${p.to.name}   in "${item.text.slice(0, 70)}"`);
    });
  }
  const overall = { tp: 0, fp: 0, fn: 0 };
  for (const t of byType.values()) {
    overall.tp += t.tp;
    overall.fp += t.fp;
    overall.fn += t.fn;
  }
  return { byType, overall, misses, wrong };
}

export const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
