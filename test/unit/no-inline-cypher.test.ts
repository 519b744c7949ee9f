// Every Cypher statement the project runs lives in cypher/ and is loaded by name: no string, template or JSX text in
// src/ holds one. Comments may quote Cypher; a clause name on its own ("MERGE" in a refusal message) is no statement.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/** A statement's opening: a clause and the syntax that follows it (keywords upper case, as the project writes them). */
const STATEMENT =
  /\b(?:(?:OPTIONAL\s+)?MATCH|MERGE|CREATE)\s*\(|\bCALL\s+[\w`]+\s*\.|\bUNWIND\s+\S+\s+AS\b|\bRETURN\s+[\w$(]/;

/** The literal texts of a TypeScript or TSX source (strings, template pieces, JSX text) that open a statement. */
function inlineCypher(fileName: string, source: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      if (STATEMENT.test(node.text)) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("no inline Cypher", () => {
  it.each([
    ["a string", 'const q = "MATCH (n) RETURN n";', ["MATCH (n) RETURN n"]],
    ["a template", "const q = `CALL db.labels()`;", ["CALL db.labels()"]],
    ["a template with a hole", "const q = `UNWIND $rows AS row ${tail}`;", ["UNWIND $rows AS row "]],
    ["JSX text", "const e = <p>OPTIONAL MATCH (n) RETURN n</p>;", ["OPTIONAL MATCH (n) RETURN n"]],
  ])("should find a statement in %s", (_name, source, found) => {
    expect(inlineCypher("x.tsx", source)).toEqual(found);
  });

  it.each([
    ["a comment", "// MATCH (n) RETURN n\n/* CALL db.labels() */ const a = 1;"],
    ["a clause name alone", 'const clauses = [[/Merge/, "MERGE"], [/^Create$/, "CREATE"]];'],
    ["prose", 'const s = "Return to the match, then create a deck";'],
  ])("should leave %s alone", (_name, source) => {
    expect(inlineCypher("x.tsx", source)).toEqual([]);
  });

  it("should find no statement in src/", () => {
    const files = sourceFiles(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((path) =>
      inlineCypher(path, readFileSync(path, "utf8")).map((text) => `${relative(ROOT, path)}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});
