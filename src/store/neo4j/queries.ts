// The query registry: every Cypher statement comes from a file in cypher/, loaded by name and cached. Relation
// types, kind labels and the counts Cypher takes only as literals (hops, path groups), none of which can be
// parameters, are filled into a query only after a check against the model or a bound.

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

const SAFE_TYPE = /^[A-Z][A-Z0-9_]*$/;

function checkRelationType(type: string): void {
  getRelationSpec(type); // throws UnknownRelationTypeError
  if (!SAFE_TYPE.test(type)) throw new Error(`statecraft/neo4j: relation type "${type}" is not a safe identifier`);
}

/** Fills __TYPE__ with a relation type, after checking it against the registry. */
export function withRelationType(query: string, type: string): string {
  checkRelationType(type);
  return query.replaceAll("__TYPE__", type);
}

/** Fills __TYPES__ with a type alternation `A|B|C`, every type checked against the registry. */
export function withRelationTypes(query: string, types: readonly string[]): string {
  // An empty alternation would be a syntax error, and "no type" must never silently mean "every type".
  if (types.length === 0) throw new Error("statecraft/neo4j: a relation type alternation needs at least one type");
  types.forEach(checkRelationType);
  return query.replaceAll("__TYPES__", [...new Set(types)].join("|"));
}

/**
 * Fills a placeholder such as __MAX_HOPS__ with a whole number in [min, max]: Cypher takes quantifier bounds and
 * SHORTEST counts only as literals.
 */
export function withInteger(query: string, placeholder: string, value: number, min: number, max: number): string {
  if (!/^__[A-Z][A-Z_]*__$/.test(placeholder)) throw new Error(`statecraft/neo4j: bad placeholder "${placeholder}"`);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`statecraft/neo4j: ${placeholder} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return query.replaceAll(placeholder, String(value));
}

/** Fills __KIND__ with a kind label, after checking it against the model. */
export function withKind(query: string, kind: string): string {
  if (!isEntityKind(kind)) throw new Error(`statecraft/neo4j: "${kind}" is not an entity kind`);
  return query.replaceAll("__KIND__", kind);
}

/** Fills __KINDS__ with ":A:B…" of every kind label of the model. */
export function withAllKinds(query: string): string {
  return query.replaceAll("__KINDS__", ENTITY_KINDS.map((k) => ":" + k).join(""));
}
