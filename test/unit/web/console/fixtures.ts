// Values as POST /api/cypher sends them (nodes, relationships, paths as plain JSON), for the console's unit tests.

import type { CypherResult } from "../../../../src/model/index.ts";
import type { PlainNode, PlainRelationship } from "../../../../src/web/console/result-graph.ts";

export const china: PlainNode = {
  elementId: "4:db:1",
  labels: ["Entity", "Country"],
  properties: { id: "china", name: "China", kind: "Country", population: "1411750000000000001", since: "1949-10-01" },
};
export const smic: PlainNode = {
  elementId: "4:db:2",
  labels: ["Entity", "Company"],
  properties: { id: "smic", name: "SMIC", kind: "Company" },
};
export const russia: PlainNode = {
  elementId: "4:db:3",
  labels: ["Entity", "Country"],
  properties: { id: "russia", name: "Russia", kind: "Country" },
};
export const source: PlainNode = {
  elementId: "4:db:9",
  labels: ["Source"],
  properties: { id: "report-2022-03-09", title: "Briefing, 9 March 2022", published: "2022-03-09T10:00:00Z" },
};
export const locatedIn: PlainRelationship = {
  elementId: "5:db:20",
  type: "LOCATED_IN",
  start: smic.elementId,
  end: china.elementId,
  properties: { id: "r-smic-china", confidence: 0.9, date: "2022-03-01", sourceIds: ["report-2022-03-09"] },
};
export const exportsTo: PlainRelationship = {
  elementId: "5:db:21",
  type: "EXPORTS_TO",
  start: smic.elementId,
  end: russia.elementId,
  properties: { id: "r-smic-russia", confidence: 0.6, count: "9007199254740993" },
};
export const cites: PlainRelationship = {
  elementId: "5:db:22",
  type: "CITES",
  start: china.elementId,
  end: source.elementId,
  properties: {},
};

export function result(columns: string[], rows: unknown[][], extra: Partial<CypherResult> = {}): CypherResult {
  return { columns, rows, graph: { nodes: [], relationships: [] }, truncated: false, timeMs: 3, ...extra };
}
