// A synthetic dataset of any size, the same for the same seed: for the conformance suite (both stores on a few
// thousand entities) and the loader and path benchmarks (up to a million relations). Its shape imitates curated
// data: mixed kinds, hubs grown by preferential attachment, registry types, dates over 2015-2024, confidence from
// 0.3 to 1, one source per ~1,000 relations, aliases in two languages for some entities.

import type { EntityKind } from "../../model/kinds.ts";
import { RELATION_TYPES, type RelationType, type Stance } from "../../model/relations.ts";
import type { Dataset, Entity, Evidence, Relation, Source } from "../../model/types.ts";

export interface GenerateOptions {
  entities: number;
  relationsPerEntity: number;
  seed: number;
}

/** How often an end is picked in proportion to the relations it has already (the rest are picked uniformly). */
const PREFERENTIAL_SHARE = 0.5;
const RELATIONS_PER_SOURCE = 1000;
const EVIDENCE_TEXTS = [
  "The report states it plainly.",
  "Officials confirmed it in a briefing.",
  "A spokesperson said so at a press conference.",
  "Inferred from the parties' public statements.",
];
const NOTES = ["on trade", "on sanctions", "on security", "on energy", "on technology", "on human rights"];
const PUBLISHERS = ["Wire service", "Daily paper", "Broadcaster", "Think tank"];

const KIND_WEIGHTS: Record<EntityKind, number> = {
  Country: 3,
  Company: 25,
  Alliance: 2,
  Organization: 10,
  GovernmentBody: 14,
  Person: 25,
  Group: 8,
  Region: 5,
  Media: 8,
  // Feed-only kinds: none in generated graphs, so the benchmarks' graphs stay as they were.
  Vessel: 0,
  Aircraft: 0,
};
const STANCE_WEIGHTS: Record<Stance, number> = { hostile: 35, cooperative: 35, neutral: 10, structural: 20 };

const SYLLABLES = [
  "ka",
  "ro",
  "vel",
  "mi",
  "tan",
  "dor",
  "sa",
  "lin",
  "qu",
  "ber",
  "zo",
  "na",
  "tri",
  "mar",
  "el",
  "us",
];
// prettier-ignore
const CYRILLIC: Record<string, string> = {
  a: "а", b: "б", d: "д", e: "е", i: "и", k: "к", l: "л", m: "м", n: "н", o: "о", q: "к", r: "р", s: "с", t: "т",
  u: "у", v: "в", z: "з", " ": " ",
};
const CJK = [..."安北成达东方国海华江京康蓝林明南平山天通西新兴阳元中"];
const KIND_SUFFIX: Partial<Record<EntityKind, readonly string[]>> = {
  Company: ["Holdings", "Group", "Industries", "Technologies"],
  Organization: ["Foundation", "Council", "Institute"],
  GovernmentBody: ["Ministry", "Agency", "Office"],
  Group: ["Network", "Coalition"],
  Media: ["Times", "News", "Herald"],
  Alliance: ["Pact", "Union"],
};

/** mulberry32: a small, fast, seedable generator of floats in [0, 1). */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A lookup table of 1,000 slots filled in proportion to the weights, so a weighted pick is one array read. */
function weightedTable<T extends string>(weights: Record<T, number>): T[] {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const table: T[] = [];
  for (const [value, w] of entries) for (let i = 0; i < Math.round((w / total) * 1000); i++) table.push(value);
  return table;
}

/** Every day from 2015-01-01 to 2024-12-31 as an ISO string, so a million dates share 3,653 strings. */
function isoDays(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2015, 0, 1); t <= Date.UTC(2024, 11, 31); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min)
    throw new RangeError(`generateDataset: ${name} must be a number >= ${min}, got ${value}`);
}

export function generateDataset(options: GenerateOptions): Dataset {
  const { entities: entityCount, relationsPerEntity, seed } = options;
  checkCount("entities", entityCount, 0);
  checkCount("relationsPerEntity", relationsPerEntity, 0);
  if (!Number.isInteger(entityCount))
    throw new RangeError(`generateDataset: entities must be an integer, got ${entityCount}`);
  if (!Number.isInteger(seed)) throw new RangeError(`generateDataset: seed must be an integer, got ${seed}`);
  const relationCount = Math.round(entityCount * relationsPerEntity);
  if (relationCount > 0 && entityCount < 2) throw new RangeError("generateDataset: relations need at least 2 entities");

  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const days = isoDays();

  const word = (syllables: number) => {
    let w = "";
    for (let i = 0; i < syllables; i++) w += pick(SYLLABLES);
    return capitalize(w);
  };
  const kinds = weightedTable(KIND_WEIGHTS);
  const entityWidth = String(Math.max(entityCount - 1, 0)).length;
  const entities: Entity[] = [];
  for (let i = 0; i < entityCount; i++) {
    const kind = pick(kinds);
    const root = word(2 + Math.floor(random() * 2));
    const suffixes = KIND_SUFFIX[kind];
    const name =
      kind === "Person"
        ? `${word(2)} ${root}`
        : kind === "Country"
          ? `${root}ia`
          : suffixes
            ? `${root} ${pick(suffixes)}`
            : root;
    const entity: Entity = { id: `e${pad(i, entityWidth)}`, kind, name, aliases: {} };
    if (random() < 0.3) {
      // Two languages: a short English form and a Cyrillic or Chinese one, so search meets folding and scripts.
      const other: Record<string, string[]> =
        random() < 0.5
          ? { ru: [[...name.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join("")] }
          : { zh: [pick(CJK) + pick(CJK) + pick(CJK)] };
      entity.aliases = { en: [root.toUpperCase().slice(0, 4)], ...other };
    }
    if (kind === "Country") entity.iso3 = root.toUpperCase().padEnd(3, "X").slice(0, 3);
    if (random() < 0.2)
      entity.description = `A synthetic ${kind === "GovernmentBody" ? "government body" : kind.toLowerCase()}.`;
    entities.push(entity);
  }

  const sourceCount = relationCount === 0 ? 0 : Math.ceil(relationCount / RELATIONS_PER_SOURCE);
  const sourceWidth = String(Math.max(sourceCount - 1, 0)).length;
  const sources: Source[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const source: Source = { id: `s${pad(i, sourceWidth)}`, title: `Synthetic report ${i + 1}`, marking: "public" };
    if (random() < 0.8) source.publisher = pick(PUBLISHERS);
    if (random() < 0.5) source.url = `https://example.org/reports/${i + 1}`;
    if (random() < 0.9) source.published = pick(days);
    sources.push(source);
  }
  // Evidence lists are shared between relations (one per source, text and count): plain read-only data, and a
  // million relations then cost no million small arrays.
  const evidence: Evidence[][] = [];
  for (let s = 0; s < sourceCount; s++) {
    for (let t = 0; t < EVIDENCE_TEXTS.length; t++) {
      const first = { source: sources[s]!.id, text: EVIDENCE_TEXTS[t]! };
      const second = {
        source: sources[(s + 1) % sourceCount]!.id,
        text: EVIDENCE_TEXTS[(t + 1) % EVIDENCE_TEXTS.length]!,
      };
      evidence.push([first], sourceCount > 1 ? [first, second] : [first]);
    }
  }

  const typesByStance = new Map<Stance, RelationType[]>();
  for (const spec of RELATION_TYPES)
    typesByStance.set(spec.stance, [...(typesByStance.get(spec.stance) ?? []), spec.type]);
  const stances = weightedTable(STANCE_WEIGHTS);
  // Every end picked so far, once per relation it ended: a uniform pick from it is a pick by degree.
  const ends = new Int32Array(relationCount * 2);
  let endCount = 0;
  const pickEnd = () =>
    endCount > 0 && random() < PREFERENTIAL_SHARE
      ? ends[Math.floor(random() * endCount)]!
      : Math.floor(random() * entityCount);
  const relationWidth = String(Math.max(relationCount - 1, 0)).length;
  const relations: Relation[] = [];
  for (let i = 0; i < relationCount; i++) {
    const from = pickEnd();
    let to = pickEnd();
    while (to === from) to = Math.floor(random() * entityCount);
    ends[endCount++] = from;
    ends[endCount++] = to;
    const stance = pick(stances);
    const source = Math.min(Math.floor(i / RELATIONS_PER_SOURCE), sourceCount - 1);
    const relation: Relation = {
      id: `r${pad(i, relationWidth)}`,
      type: pick(typesByStance.get(stance)!),
      from: entities[from]!.id,
      to: entities[to]!.id,
      confidence: Math.round((0.3 + 0.7 * random()) * 100) / 100,
      inference: random() < 0.1,
      evidence:
        evidence[
          (source * EVIDENCE_TEXTS.length + Math.floor(random() * EVIDENCE_TEXTS.length)) * 2 + (random() < 0.1 ? 1 : 0)
        ]!,
    };
    // Events have a day; standing facts (mostly structural) a window, open or closed; some relations are timeless.
    const when = random();
    if (stance === "structural" ? when < 0.2 : when < 0.85) {
      relation.date = pick(days);
    } else if (when < 0.95) {
      const start = Math.floor(random() * days.length);
      relation.validFrom = days[start]!;
      if (random() < 0.3) relation.validTo = days[start + Math.floor(random() * (days.length - start))]!;
    }
    if (random() < 0.15) relation.note = pick(NOTES);
    if (random() < 0.02) relation.marking = "internal";
    relations.push(relation);
  }

  return {
    info: {
      id: `generated-${seed}`,
      title: `Generated: ${entityCount} entities, ${relationCount} relations (seed ${seed})`,
    },
    file: `generated-${seed}`,
    sources,
    entities,
    relations,
  };
}
