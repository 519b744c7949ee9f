// The live schema for completion: labels, relationship types and property keys, read from the answers to the
// console-* queries of cypher/queries (the procedures db.labels, db.relationshipTypes and db.propertyKeys), plus the
// parameter names the analyst has set (so `$` completes them), and that schema in the form the editor's completion
// takes.

import labelsQuery from "../../../cypher/queries/console-labels.cypher?raw";
import propertyKeysQuery from "../../../cypher/queries/console-property-keys.cypher?raw";
import relationshipTypesQuery from "../../../cypher/queries/console-relationship-types.cypher?raw";
import type { ResultLike } from "./result-graph.ts";

/** The query text of each part, bundled from cypher/queries by Vite and run through the guarded POST /api/cypher. */
export const SCHEMA_QUERIES = {
  labels: labelsQuery,
  relationshipTypes: relationshipTypesQuery,
  propertyKeys: propertyKeysQuery,
} as const;

export type SchemaPart = keyof typeof SCHEMA_QUERIES;

/** The shape @neo4j-cypher/codemirror's setSchema takes (the parts Statecraft fills). */
export interface ConsoleSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: string[];
}

export const EMPTY_SCHEMA: ConsoleSchema = { labels: [], relationshipTypes: [], propertyKeys: [], parameters: [] };

const COLUMN: Record<SchemaPart, string> = {
  labels: "label",
  relationshipTypes: "relationshipType",
  propertyKeys: "propertyKey",
};

/** The names in one schema answer: its named column (else the first), strings only, sorted, each once. */
export function schemaNames(part: SchemaPart, result: ResultLike & { columns: readonly string[] }): string[] {
  const index = Math.max(0, result.columns.indexOf(COLUMN[part]));
  const names = new Set<string>();
  for (const row of result.rows) {
    const v = row[index];
    if (typeof v === "string" && v !== "") names.add(v);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/**
 * The schema as @neo4j-cypher/codemirror's completion wants it: labels and relationship types with their leading
 * colon (its completion filters on the text typed from the colon on, and escapes odd names itself).
 */
export function toEditorSchema(schema: ConsoleSchema): ConsoleSchema {
  return {
    labels: schema.labels.map((l) => `:${l}`),
    relationshipTypes: schema.relationshipTypes.map((t) => `:${t}`),
    propertyKeys: schema.propertyKeys,
    parameters: schema.parameters,
  };
}

/** A schema with these parameter names (a new object only when they changed). */
export function withParameters(schema: ConsoleSchema, parameters: readonly string[]): ConsoleSchema {
  const same = schema.parameters.length === parameters.length && schema.parameters.every((p, i) => p === parameters[i]);
  return same ? schema : { ...schema, parameters: [...parameters] };
}
