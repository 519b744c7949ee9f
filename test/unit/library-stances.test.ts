// The shipped query library (cypher/library/*.cypher) names relation types by stance in its Cypher: a `[r:A|B]`
// alternation or `type(r) IN ['A', 'B'] THEN '<stance>'`. Relation types cannot be Cypher parameters, so these lists
// are copies of the registry (src/model/relations.ts); this test keeps every copy equal to it.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexCypher } from "../../src/model/cypher-lexer.ts";
import { getTypesByStance, isRelationType, STANCES, type Stance } from "../../src/model/relations.ts";

const LIBRARY = new URL("../../cypher/library/", import.meta.url);

/** The stance of the alternation in a file whose whole query is about one stance (said in its Name line). */
const ALTERNATION_STANCE: Record<string, Stance> = { "hostile-relations.cypher": "hostile" };

const ALTERNATION = /\[\w*:([A-Z_]+(?:\|[A-Z_]+)+)/g;
const IN_LIST = /\bIN\s*\[\s*('[A-Z_]+'(?:\s*,\s*'[A-Z_]+')+)\s*\](?:\s*THEN\s*'([\w ]+)')?/g;

interface TypeList {
  types: string[];
  stance: string | undefined;
}

/** The lists of relation types in a query's code (comments left out), each with the stance it stands for. */
function typeLists(source: string, alternationStance?: Stance): TypeList[] {
  const code = lexCypher(source)
    .filter((t) => t.kind !== "comment")
    .map((t) => source.slice(t.from, t.to))
    .join(" ");
  const lists: TypeList[] = [];
  for (const m of code.matchAll(ALTERNATION)) lists.push({ types: m[1]!.split("|"), stance: alternationStance });
  for (const m of code.matchAll(IN_LIST)) {
    lists.push({ types: m[1]!.split(",").map((t) => t.trim().slice(1, -1)), stance: m[2] });
  }
  return lists;
}

/** What is wrong with a list: unknown types, no stance, or not exactly the registry's types of its stance. */
function problems(list: TypeList): string[] {
  const unknown = list.types.filter((t) => !isRelationType(t));
  if (unknown.length > 0) return [`unknown relation types ${unknown.join(", ")}`];
  if (!(STANCES as readonly string[]).includes(list.stance ?? "")) {
    return [`the list ${list.types.join("|")} says no stance (add it to ALTERNATION_STANCE or end it with THEN)`];
  }
  const expected = getTypesByStance([list.stance as Stance]);
  const missing = expected.filter((t) => !list.types.includes(t));
  const extra = list.types.filter((t) => !(expected as string[]).includes(t));
  return [
    ...(missing.length > 0 ? [`${list.stance} lacks ${missing.join(", ")}`] : []),
    ...(extra.length > 0 ? [`${list.stance} has ${extra.join(", ")}, not of that stance`] : []),
  ];
}

const files = readdirSync(LIBRARY).filter((f) => f.endsWith(".cypher"));

describe("library stances", () => {
  it.each<[string, string, Stance | undefined, string[]]>([
    [
      "a list short of a type",
      "WHERE type(r) IN ['SANCTIONS', 'THREATENS'] THEN 'hostile'",
      undefined,
      ["hostile lacks"],
    ],
    [
      "a type of another stance",
      "MATCH ()-[r:PROTECTS|SANCTIONS]-()",
      "hostile",
      ["hostile lacks", "hostile has PROTECTS"],
    ],
    ["a misspelt type", "MATCH ()-[r:SANCTION|THREATENS]-()", "hostile", ["unknown relation types SANCTION"]],
    ["a list with no stance", "MATCH ()-[r:SANCTIONS|THREATENS]-()", undefined, ["says no stance"]],
  ])("should report %s", (_name, source, stance, expected) => {
    const found = typeLists(source, stance).flatMap(problems);
    expect(found).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(found[i]).toContain(text));
  });

  it("should leave lists out of comments", () => {
    expect(typeLists("// [r:SANCTIONS|THREATENS]\nMATCH (n) RETURN n")).toEqual([]);
  });

  it("should find the stance lists the library holds", () => {
    const found = Object.fromEntries(
      files.map((f) => [f, typeLists(readFileSync(new URL(f, LIBRARY), "utf8")).length]),
    );
    expect(found).toMatchObject({ "hostile-relations.cypher": 1, "sides-of-sanctions.cypher": 2 });
  });

  it.each(files)("should list exactly the registry's types of each stance in %s", (file) => {
    const lists = typeLists(readFileSync(new URL(file, LIBRARY), "utf8"), ALTERNATION_STANCE[file]);
    expect(lists.flatMap(problems)).toEqual([]);
  });
});
