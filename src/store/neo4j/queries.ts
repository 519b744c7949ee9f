// The query registry: every Cypher statement comes from a file in cypher/, loaded by name and cached. Relation
// types and kind labels, which cannot be parameters, are filled into a query only after a check against the model.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ENTITY_KINDS, isEntityKind } from "../../model/kinds.ts";
import { getRelationSpec } from "../../model/relations.ts";

const CYPHER_DIR = fileURLToPath(new URL("../../../cypher/", import.meta.url));
const cache = new Map<string, string>();

function read(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(CYPHER_DIR + path, "utf8");
    cache.set(path, text);
  }
  return text;
}

/** A named query from cypher/queries/<name>.cypher. */
export function getQuery(name: string): string {
  return read(`queries/${name}.cypher`);
}

/** The statements of a multi-statement file such as schema.cypher, comments removed. */
export function getStatements(file: string): string[] {
  return read(file)
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Fills __TYPE__ with a relation type, after checking it against the registry. */
export function withRelationType(query: string, type: string): string {
  getRelationSpec(type); // throws UnknownRelationTypeError
  if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`statecraft/neo4j: relation type "${type}" is not a safe identifier`);
  return query.replaceAll("__TYPE__", type);
}

/** Fills __KIND__ with a kind label and __OTHER_KINDS__ with ":A:B…" of every other kind. */
export function withKind(query: string, kind: string): string {
  if (!isEntityKind(kind)) throw new Error(`statecraft/neo4j: "${kind}" is not an entity kind`);
  const others = ENTITY_KINDS.filter((k) => k !== kind)
    .map((k) => ":" + k)
    .join("");
  return query.replaceAll("__OTHER_KINDS__", others).replaceAll("__KIND__", kind);
}
