// The import rule set (.dependency-cruiser.js) run on tiny fixture trees written to a temporary folder: each wrong
// import is reported under the rule that names it, and a tree that keeps every direction passes. `npm run lint`
// runs the same configuration on src/.

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { afterEach, describe, expect, it } from "vitest";

const CONFIG = resolve(import.meta.dirname, "../../.dependency-cruiser.js");

/** A fixture: file path -> source. A stand-in neo4j-driver package is always there. */
type Tree = Record<string, string>;

const FAKE_DRIVER: Tree = {
  "node_modules/neo4j-driver/package.json": '{ "name": "neo4j-driver", "main": "index.js" }',
  "node_modules/neo4j-driver/index.js": "export const driver = () => null;",
};

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

/** Writes the tree, cruises its src/ with the project's rules and returns the names of the rules broken. */
async function brokenRules(tree: Tree): Promise<string[]> {
  const base = await mkdtemp(join(tmpdir(), "statecraft-import-rules-"));
  folders.push(base);
  for (const [path, source] of Object.entries({ ...FAKE_DRIVER, ...tree })) {
    await mkdir(dirname(join(base, path)), { recursive: true });
    await writeFile(join(base, path), source);
  }
  const options = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(["src"], { ...options, baseDir: base, validate: true });
  const result = output as ICruiseResult;
  return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
}

describe("import rules", () => {
  it.each<[string, Tree, string[]]>([
    [
      "model importing the store",
      { "src/model/a.ts": 'import "../store/b.ts";', "src/store/b.ts": "export {};" },
      ["model-imports-nothing"],
    ],
    ["model reading files", { "src/model/a.ts": 'import "node:fs";' }, ["model-has-no-io"]],
    [
      "ingest importing the store",
      { "src/ingest/a.ts": 'import "../store/b.ts";', "src/store/b.ts": "export {};" },
      ["ingest-imports-model"],
    ],
    [
      "the report coder importing the store",
      { "src/extract/a.ts": 'import "../store/b.ts";', "src/store/b.ts": "export {};" },
      ["extract-imports-model"],
    ],
    ["the report coder reading files", { "src/extract/a.ts": 'import "node:fs";' }, ["extract-has-no-io"]],
    [
      "the store importing the server",
      { "src/store/a.ts": 'import "../server/b.ts";', "src/server/b.ts": "export {};" },
      ["store-imports-model"],
    ],
    [
      "the memory store importing the Neo4j store",
      { "src/store/memory/a.ts": 'import "../neo4j/b.ts";', "src/store/neo4j/b.ts": "export {};" },
      ["store-backends-apart"],
    ],
    [
      "the store interface importing a backend",
      { "src/store/graph-store.ts": 'import "./memory/b.ts";', "src/store/memory/b.ts": "export {};" },
      ["store-interface-above-backends"],
    ],
    [
      "a route importing neo4j-driver",
      { "src/server/app.ts": 'import "neo4j-driver";' },
      ["only-store-neo4j-imports-neo4j-driver"],
    ],
    [
      "a route importing ingest",
      { "src/server/app.ts": 'import "../ingest/b.ts";', "src/ingest/b.ts": "export {};" },
      ["server-imports-store-model"],
    ],
    [
      "the server's main importing the web app",
      { "src/server/main.ts": 'import "../web/b.ts";', "src/web/b.ts": "export {};" },
      ["nothing-imports-web", "server-main-imports-ingest-store-model"],
    ],
    [
      "the loader importing the server",
      { "src/cli/load.ts": 'import "../server/b.ts";', "src/server/b.ts": "export {};" },
      ["cli-imports-ingest-store-model"],
    ],
    [
      "the web app importing the store, type only",
      {
        "src/web/a.ts": 'import type { B } from "../store/b.ts";\nexport type A = B;',
        "src/store/b.ts": "export type B = 1;",
      },
      ["web-imports-model"],
    ],
    [
      "the store importing the web app",
      { "src/store/a.ts": 'import "../web/b.ts";', "src/web/b.ts": "export {};" },
      ["nothing-imports-web", "store-imports-model"],
    ],
    [
      "two files importing each other",
      { "src/web/a.ts": 'import "./b.ts";', "src/web/b.ts": 'import "./a.ts";' },
      ["no-file-cycles"],
    ],
    [
      "two folders importing each other through different files",
      {
        "src/web/app/a.ts": 'import "../components/b.ts";',
        "src/web/components/b.ts": "export {};",
        "src/web/components/c.ts": 'import "../app/d.ts";',
        "src/web/app/d.ts": "export {};",
      },
      ["no-folder-cycles"],
    ],
    [
      "the store importing a test helper",
      { "src/store/a.ts": 'import "../../test/b.ts";', "test/b.ts": "export {};" },
      ["src-imports-src"],
    ],
    [
      "the web app bundling a server query",
      {
        "src/web/a.ts": 'import q from "../../cypher/queries/store-search.cypher?raw";\nexport const Q = q;',
        "cypher/queries/store-search.cypher": "RETURN 1",
      },
      ["web-bundles-console-queries-only"],
    ],
    ["an import that resolves nowhere", { "src/model/a.ts": 'import "./missing.ts";' }, ["no-unresolvable"]],
  ])("should report %s", async (_name, tree, rules) => {
    expect(await brokenRules(tree)).toEqual(rules);
  });

  it("should pass a tree that keeps every direction", async () => {
    const tree: Tree = {
      "src/model/kinds.ts": "export const KINDS = [];",
      "src/model/index.ts": 'export * from "./kinds.ts";',
      "src/ingest/reader.ts": 'import "node:fs";\nimport "../model/index.ts";',
      "src/store/graph-store.ts": 'import "../model/index.ts";',
      "src/store/memory/memory-store.ts": 'import "../graph-store.ts";',
      "src/store/neo4j/client.ts": 'import "neo4j-driver";\nimport "../graph-store.ts";',
      "src/extract/coder.ts": 'import "../model/index.ts";',
      "src/server/app.ts":
        'import "../store/graph-store.ts";\nimport "../model/index.ts";\nimport "../extract/coder.ts";',
      "src/server/main.ts": 'import "./app.ts";\nimport "../ingest/reader.ts";\nimport "../store/neo4j/client.ts";',
      "src/cli/load.ts": 'import "../ingest/reader.ts";\nimport "../store/neo4j/client.ts";',
      "src/cli/extract.ts": 'import "../extract/coder.ts";\nimport "../store/neo4j/client.ts";',
      "src/web/app/explorer.ts": 'import "../../model/index.ts";',
      "src/web/components/panel.ts": 'import "../app/explorer.ts";',
      "src/web/main.ts": 'import "./components/panel.ts";\nimport "./app/explorer.ts";',
      "src/web/console/schema.ts":
        'import q from "../../../cypher/queries/console-labels.cypher?raw";\nexport const Q = q;',
      "cypher/queries/console-labels.cypher": "CALL db.labels()",
    };
    expect(await brokenRules(tree)).toEqual([]);
  });
});
