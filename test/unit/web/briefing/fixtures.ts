// A small frozen scene and deck for the briefing tests: five entities, six relations (one symmetric, one marked),
// sources at every marking (one with a web address), and the path SMIC → Ukraine highlighted.

import type { EntityRecord, RelationRecord, SourceRecord } from "../../../../src/model/api.ts";
import { DECK_FORMAT, DECK_VERSION, type Deck, type Scene } from "../../../../src/model/deck.ts";

export function entity(id: string, name: string, kind: EntityRecord["kind"], degree = 2): EntityRecord {
  return { id, kind, name, aliases: {}, datasets: ["test"], degree };
}

export function relation(
  id: string,
  type: RelationRecord["type"],
  stance: RelationRecord["stance"],
  from: string,
  to: string,
  sources: string[],
  extra: Partial<RelationRecord> = {},
): RelationRecord {
  return {
    id,
    type,
    stance,
    from,
    to,
    date: "2022-03-09",
    confidence: 0.9,
    inference: false,
    evidence: sources.map((source, i) => ({ source, text: `${id} says so (${i + 1}).` })),
    dataset: "test",
    ...extra,
  };
}

export function source(id: string, marking?: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return {
    id,
    title: `Report ${id}`,
    publisher: "Desk",
    published: "2022-03-09",
    datasets: ["test"],
    marking,
    ...extra,
  };
}

export const ENTITIES: EntityRecord[] = [
  entity("china", "China", "Country", 4),
  entity("russia", "Russia", "Country", 4),
  entity("smic", "SMIC", "Company", 2),
  entity("ukraine", "Ukraine", "Country", 1),
  entity("usa", "United States", "Country", 3),
];

export const SOURCES: SourceRecord[] = [
  source("s-public", "public", { url: "https://example.org/report?id=1&x=<y>" }),
  source("s-internal", "internal"),
  source("s-restricted", "restricted"),
];

export const RELATIONS: RelationRecord[] = [
  relation("usa-threatens-smic", "THREATENS", "hostile", "usa", "smic", ["s-public"]),
  relation("usa-sanctions-russia", "SANCTIONS", "hostile", "usa", "russia", ["s-public"]),
  relation("russia-attacks-ukraine", "ATTACKS", "hostile", "russia", "ukraine", ["s-public"]),
  relation("china-protects-smic", "PROTECTS", "cooperative", "china", "smic", ["s-internal", "s-public"]),
  relation("china-cooperates-russia", "COOPERATES_WITH", "cooperative", "china", "russia", ["s-public"], {
    marking: "restricted",
  }),
  relation("china-criticizes-usa", "CRITICIZES", "hostile", "china", "usa", ["s-restricted"]),
];

export const PATH_SENTENCE = "United States threatens SMIC -> United States sanctions Russia -> Russia attacks Ukraine";

export function scene(overrides: Partial<Scene> = {}): Scene {
  return {
    id: "scene-1",
    title: "From SMIC to Ukraine",
    caption: PATH_SENTENCE,
    notes: "Say it slowly.",
    capturedAt: "2024-05-01T09:30:00.000Z",
    entities: structuredClone(ENTITIES),
    relations: structuredClone(RELATIONS),
    sources: structuredClone(SOURCES),
    positions: { china: [0, 0], russia: [10, -5], smic: [-8, 6], ukraine: [18, -12], usa: [2, 12] },
    frame: { minX: -12, minY: -16, maxX: 22, maxY: 16 },
    filters: {},
    highlight: {
      kind: "path",
      from: "smic",
      to: "ukraine",
      nodes: ["smic", "usa", "russia", "ukraine"],
      relations: ["usa-threatens-smic", "usa-sanctions-russia", "russia-attacks-ukraine"],
      sentence: PATH_SENTENCE,
    },
    pathQuery: { from: "smic", to: "ukraine", maxHops: 4, direction: "any", k: 3 },
    ...overrides,
  };
}

export function deck(overrides: Partial<Deck> = {}): Deck {
  return {
    format: DECK_FORMAT,
    version: DECK_VERSION,
    id: "deck-test",
    title: "China & the chip ban",
    author: "Analyst",
    date: "2024-05-01",
    createdAt: "2024-05-01T09:00:00.000Z",
    updatedAt: "2024-05-01T09:30:00.000Z",
    scenes: [
      scene(),
      scene({ id: "scene-2", title: "China and SMIC", highlight: { kind: "entity", id: "china" }, caption: "" }),
      scene({ id: "scene-3", title: "Everything", highlight: null, caption: "The whole picture." }),
    ],
    ...overrides,
  };
}
