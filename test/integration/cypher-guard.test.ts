// The Cypher endpoint's guard and runner against a real Neo4j holding the briefing: a corpus of queries that write,
// load files, call administration procedures or try to slip past the checks (comments, case, unicode escapes,
// backquotes, several statements) must each be refused with the expected rule and leave the database as it was;
// ordinary read queries must run; time limit, row cap, cancellation and Neo4j's own errors come back typed. Through
// the real server: deep queries and parameters refused before they reach Neo4j, and answers capped in bytes, list
// length and depth with the reason said, the server answering its health check all along.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/store/graph-store.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import { checkExplain, decodeUnicodeEscapes, precheckCypher } from "../../src/store/neo4j/cypher-guard.ts";
import {
  CypherCancelledError,
  CypherQueryError,
  CypherRefusedError,
  CypherTimeoutError,
  type CypherRule,
} from "../../src/store/neo4j/errors.ts";
import type { Neo4jCypherRunner } from "../../src/store/neo4j/cypher-runner.ts";
import {
  createTestDriver,
  getJson,
  openNeo4j,
  runLoader,
  startServer,
  testUri,
  wipe,
  type OpenNeo4j,
  type ServerProcess,
} from "./helpers.ts";

/** Everything a refused query could have changed, read through the test driver. */
async function snapshot(driver: Driver): Promise<Record<string, unknown>> {
  const one = async (query: string, database?: string) =>
    (await driver.executeQuery(query, {}, { database })).records.map((r) => r.toObject());
  return {
    nodes: await one("MATCH (n) RETURN count(n) AS c"),
    relationships: await one("MATCH ()-[r]->() RETURN count(r) AS c"),
    properties: await one("MATCH (n) RETURN sum(size(keys(n))) AS c"),
    labels: await one("CALL db.labels() YIELD label RETURN label ORDER BY label"),
    propertyKeys: await one("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey"),
    constraints: await one("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"),
    indexes: await one("SHOW INDEXES YIELD name RETURN name ORDER BY name"),
    databases: await one("SHOW DATABASES YIELD name RETURN DISTINCT name ORDER BY name", "system"),
    users: await one("SHOW USERS YIELD user RETURN user ORDER BY user", "system"),
  };
}

async function refusal(store: Neo4jCypherRunner, query: string): Promise<CypherRefusedError> {
  const error = await store.run(query, {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CypherRefusedError)) {
    throw new Error(`expected a refusal for ${JSON.stringify(query)}, got ${String(error)}`);
  }
  return error;
}

/** [query, rule]: what must be refused, and why. */
const REFUSED: [string, CypherRule][] = [
  // Nothing, or more than one statement.
  ["", "empty"],
  ["   \n\t ", "empty"],
  ["// only a comment", "empty"],
  ["/* CREATE (n) */", "empty"],
  ["RETURN 1; MATCH (n) DETACH DELETE n", "multiple-statements"],
  ["MATCH (n) RETURN n /* ; */ ; CREATE (m)", "multiple-statements"],
  ["RETURN ';' AS a; CREATE (m) // ;", "multiple-statements"],
  ["RETURN 1 \\u003B CREATE (n)", "multiple-statements"],
  ["RETURN 1 // a line comment ends at a carriage return\r; CREATE (n)", "multiple-statements"],
  // Writes, plain and disguised.
  ["CREATE (n:Entity {id: 'spam'})", "write"],
  ["create (n)", "write"],
  ["Match (n) Set n.x = 1", "write"],
  ["/* read only */ CREATE (n) // honest", "write"],
  ["MATCH (n:Entity {id: 'china'}) SET n.name = 'X'", "write"],
  ["MATCH (n:Entity {id: 'china'}) SET n:Hacked", "write"],
  ["MATCH (n:Entity {id: 'china'}) REMOVE n.iso3", "write"],
  ["MATCH (n:Entity {id: 'china'}) REMOVE n:Country", "write"],
  ["MATCH (n) DETACH DELETE n", "write"],
  ["MATCH ()-[r]->() DELETE r", "write"],
  ["OPTIONAL MATCH (n) DELETE n", "write"],
  ["MERGE (n:Entity {id: 'spam'})", "write"],
  ["MATCH (a:Entity {id: 'china'}), (b:Entity {id: 'usa'}) CREATE (a)-[:ATTACKS]->(b)", "write"],
  ["FOREACH (x IN range(1, 3) | CREATE (:Spam))", "write"],
  ["MATCH (n) WITH n LIMIT 1 CALL (n) { SET n.x = 1 } RETURN n", "write"],
  ["CALL { CREATE (:Spam) }", "write"],
  ["MATCH (n) WITH n CALL { WITH n MERGE (n)-[:X]->(:Y) } RETURN 1", "write"],
  ["CALL db.labels() YIELD label WITH label CREATE (:Spam {l: label})", "write"],
  ["MATCH (n) \\u0053ET n.hacked = true", "write"],
  ["MATCH (n) \\u0044ETACH \\u0044ELETE n", "write"],
  ["MATCH (`\\u0043REATE`) SET `\\u0043REATE`.x = 1", "write"],
  ["MATCH (`CREATE`) SET `CREATE`.`SET` = 1", "write"],
  ["EXPLAIN CREATE (n)", "write"],
  // Files and URLs.
  ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "load-csv"],
  ["load csv with headers from 'http://169.254.169.254/latest/meta-data/' as row return row", "load-csv"],
  ["LOAD CSV FROM 'file:///x.csv' AS l CREATE (:Spam {v: l[0]})", "load-csv"],
  // Procedures outside the allowlist, installed or not.
  ["CALL dbms.components()", "procedure"],
  ["CALL dbms.listConfig()", "procedure"],
  ["CALL dbms.security.createUser('bob', 'secret12345', false)", "procedure"],
  ["CALL dbms.killQuery('query-1')", "procedure"],
  ["CALL apoc.help('load')", "procedure"],
  ["CALL apoc.load.json('http://example.com/x.json') YIELD value RETURN value", "procedure"],
  ["CALL db.createLabel('Spam')", "procedure"],
  ["CALL db.createProperty('spam')", "procedure"],
  ["CALL db.index.fulltext.createNodeIndex('x', ['Entity'], ['name'])", "procedure"],
  ["CALL db.index.fulltext.queryNodes('entity_search', 'china') YIELD node RETURN node", "procedure"],
  ["CALL db.clearQueryCaches()", "procedure"],
  ["CALL db.awaitIndexes(1)", "procedure"],
  ["CALL `dbms`.`components`()", "procedure"],
  ["CALL `dbms.components`()", "procedure"],
  ["CALL \\u0064bms.components()", "procedure"],
  ["CALL DB.LABELS()", "procedure"],
  ["CALL db.labels() YIELD label CALL dbms.killQuery('x') YIELD queryId RETURN label", "procedure"],
  // Plugin functions, installed or not.
  ["RETURN apoc.text.join(['a', 'b'], ',')", "function"],
  ["RETURN \\u0061poc.version()", "function"],
  ["WITH 1 AS x RETURN `apoc`.`version`()", "function"],
  ["MATCH (n) WHERE apoc.util.sleep(1000) IS NULL RETURN n", "function"],
  // Batched transactions.
  ["CALL { CREATE (:Spam) } IN TRANSACTIONS", "in-transactions"],
  ["MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS", "in-transactions"],
  ["UNWIND range(1, 10) AS i CALL (i) { RETURN i * 2 AS j } IN TRANSACTIONS RETURN j", "in-transactions"],
  // Administration and schema.
  ["SHOW TRANSACTIONS", "admin"],
  ["SHOW TRANSACTIONS YIELD transactionId RETURN transactionId", "admin"],
  ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "admin"],
  ["SHOW USERS", "admin"],
  ["SHOW DATABASES", "admin"],
  ["SHOW PROCEDURES", "admin"],
  ["SHOW FUNCTIONS", "admin"],
  ["SHOW SETTINGS", "admin"],
  ["SHOW CONSTRAINTS", "admin"],
  ["CREATE INDEX spam_index FOR (n:Entity) ON (n.spam)", "admin"],
  ["CREATE CONSTRAINT spam_unique IF NOT EXISTS FOR (n:Spam) REQUIRE n.id IS UNIQUE", "admin"],
  ["DROP CONSTRAINT entity_id", "admin"],
  ["DROP INDEX entity_name", "admin"],
  ["CREATE USER bob SET PASSWORD 'secret12345'", "admin"],
  ["ALTER USER neo4j SET PASSWORD 'secret12345'", "admin"],
  ["CREATE DATABASE spam", "admin"],
  ["CREATE OR REPLACE DATABASE spam", "admin"],
  ["DROP DATABASE neo4j", "admin"],
  ["STOP DATABASE neo4j", "admin"],
  ["CREATE ROLE spam", "admin"],
  ["CREATE ALIAS spam FOR DATABASE neo4j", "admin"],
  ["GRANT ROLE admin TO bob", "admin"],
  ["DENY READ {*} ON GRAPH * TO PUBLIC", "admin"],
  ["REVOKE ROLE admin FROM bob", "admin"],
  // Other databases.
  ["USE system SHOW USERS", "use"],
  ["USE neo4j MATCH (n) RETURN count(n)", "use"],
  ["use system call dbms.components()", "use"],
  ["CYPHER 5 USE system SHOW USERS", "use"],
  ["CALL () { USE system RETURN 1 AS x } RETURN x", "use"],
  ["MATCH (n:Entity) RETURN n UNION USE system MATCH (n) RETURN n", "use"],
  ["\\u0055SE system SHOW USERS", "use"],
  ["CALL () { USE (system) RETURN 1 AS x } RETURN x", "use"],
  // Query options: only CYPHER 5, the language version, may come before a query.
  ["CYPHER runtime=legacy MATCH (n) RETURN count(n)", "query-option"],
  ["CYPHER runtime=parallel MATCH (n) RETURN count(n)", "query-option"],
  ["CYPHER runtime=slotted MATCH (n) RETURN count(n)", "query-option"],
  ["CYPHER debug=tostring debug=ast RETURN 1", "query-option"],
  ["CYPHER debug=printcostcomparisons MATCH (n) RETURN n LIMIT 1", "query-option"],
  ["CYPHER debug=rawcardinalities MATCH (n) RETURN n LIMIT 1", "query-option"],
  ["CYPHER planner=dp MATCH (n) RETURN n LIMIT 1", "query-option"],
  ["CYPHER expressionEngine=interpreted RETURN 1", "query-option"],
  ["CYPHER interpretedPipesFallback=all RETURN 1", "query-option"],
  ["CYPHER replan=force RETURN 1", "query-option"],
  ["CYPHER 4.4 RETURN 1", "query-option"],
  ["CYPHER 25 RETURN 1", "query-option"],
  ["CYPHER 5.0 RETURN 1", "query-option"],
  ["CYPHER RETURN 1", "query-option"],
  ["CYPHER 5 runtime=slotted RETURN 1", "query-option"],
  ["CYPHER 5 CYPHER debug=ast RETURN 1", "query-option"],
  ["cypher Runtime = Slotted return 1", "query-option"],
  ["CYPHER\n5\nruntime\t=\tslotted RETURN 1", "query-option"],
  ["CYPHER /* 5 */ runtime /* = x */ = /* */ slotted RETURN 1", "query-option"],
  ["// CYPHER 5\nCYPHER replan=force RETURN 1", "query-option"],
  ["/* x */CYPHER debug=tostring RETURN 1", "query-option"],
  ["CYPHER/**/debug=tostring RETURN 1", "query-option"],
  ["EXPLAIN CYPHER runtime=slotted RETURN 1", "query-option"],
  ["PROFILE CYPHER debug=ast RETURN 1", "query-option"],
  ["CYPHER 5 PROFILE CYPHER planner=dp RETURN 1", "query-option"],
  ["\\u0043YPHER runtime=slotted RETURN 1", "query-option"],
  ["CYPHER runtime=slotted USE system SHOW USERS", "query-option"],
  ["CYPHER debug=ast CREATE (n)", "query-option"],
  // PROFILE gets the same checks as any query.
  ["PROFILE CREATE (n:Entity {id: 'spam'})", "write"],
  ["PROFILE MATCH (n) DETACH DELETE n", "write"],
  ["PROFILE PROFILE MATCH (n:Entity {id: 'china'}) SET n.x = 1", "write"],
  ["CYPHER 5 PROFILE MERGE (n:Spam)", "write"],
  ["PROFILE LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "load-csv"],
  ["PROFILE CALL dbms.components()", "procedure"],
  ["PROFILE RETURN apoc.version()", "function"],
  ["PROFILE SHOW TRANSACTIONS", "admin"],
  ["PROFILE USE system SHOW USERS", "use"],
  // Values that double at each step: Neo4j counts no memory for them and checks no timeout inside the expression.
  ["RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n", "growth"],
  ["RETURN size(reduce(l = [0], i IN range(1, 40) | l + l)) AS n", "growth"],
  ["RETURN size(reduce(`s` = 'x', i IN range(1, 40) | `s` + \\u0073)) AS n", "growth"],
];

/** [name, query, params]: ordinary reads that must run. */
const ACCEPTED: [string, string, Record<string, unknown>][] = [
  ["a constant", "RETURN 1 AS one", {}],
  ["a trailing semicolon", "RETURN 1 AS one;", {}],
  ["a parameter", "MATCH (e:Entity {id: $id}) RETURN e.name AS name", { id: "china" }],
  ["an aggregation", "MATCH (e:Entity) RETURN e.kind AS kind, count(*) AS n ORDER BY n DESC, kind", {}],
  ["a path pattern", "MATCH p = (:Entity {id: 'smic'})-[*1..3]-(:Entity {id: 'ukraine'}) RETURN p LIMIT 5", {}],
  [
    "shortestPath",
    "MATCH p = shortestPath((a:Entity {id: 'smic'})-[*]-(b:Entity {id: 'ukraine'})) RETURN p, length(p) AS hops",
    {},
  ],
  ["SHORTEST k", "MATCH p = SHORTEST 2 (:Entity {id: 'smic'})--+(:Entity {id: 'ukraine'}) RETURN p", {}],
  ["OPTIONAL MATCH", "MATCH (e:Entity {id: 'eastern-europe'}) OPTIONAL MATCH (e)-[r]->(x) RETURN e.id, r, x", {}],
  ["UNWIND", "UNWIND ['china', 'usa'] AS id MATCH (e:Entity {id: id}) RETURN e.name ORDER BY e.name", {}],
  ["a list comprehension", "MATCH (e:Entity {id: 'china'}) RETURN [a IN e.aliases WHERE a STARTS WITH 'P'] AS p", {}],
  ["a map projection", "MATCH (e:Entity {id: 'usa'}) RETURN e {.id, .name, degree: COUNT { (e)--() }} AS e", {}],
  ["an EXISTS subquery", "MATCH (e:Entity) WHERE EXISTS { (e)-[:SANCTIONS]->() } RETURN e.id", {}],
  ["a read CALL subquery", "CALL () { MATCH (e:Entity) RETURN count(e) AS n } RETURN n", {}],
  ["CALL db.labels()", "CALL db.labels()", {}],
  [
    "CALL db.relationshipTypes() with YIELD",
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
    {},
  ],
  ["CALL db.propertyKeys()", "CALL db.propertyKeys()", {}],
  ["CALL db.schema.visualization()", "CALL db.schema.visualization()", {}],
  ["CALL db.schema.nodeTypeProperties()", "CALL db.schema.nodeTypeProperties()", {}],
  [
    "a UNION of introspection",
    "CALL db.labels() YIELD label RETURN label " +
      "UNION CALL db.relationshipTypes() YIELD relationshipType AS label RETURN label",
    {},
  ],
  [
    "built-in namespaced functions",
    "RETURN date.truncate('month', date('2022-03-09')) AS m, " +
      "duration.between(date('2022-01-01'), date('2022-03-09')) AS d, " +
      "point.distance(point({x: 0, y: 0}), point({x: 3, y: 4})) AS p",
    {},
  ],
  [
    "write words in strings and comments",
    "// CREATE (n); DROP DATABASE neo4j\nRETURN 'CREATE (n); LOAD CSV; CALL apoc.x()' AS text /* SET n.x = 1 */",
    {},
  ],
  [
    "a variable called call or use",
    "MATCH (n:Entity) WITH n AS call, 1 AS use RETURN call.id, use ORDER BY call.id LIMIT 2",
    {},
  ],
  ["a property called delete", "MATCH (n:Entity {id: 'china'}) RETURN n.delete AS d, n.`set` AS s", {}],
  ["CYPHER 5", "CYPHER 5 RETURN 1 AS one", {}],
  [
    "CYPHER 5 in lower case after a comment",
    "// version\ncypher 5 /* v */ MATCH (e:Entity {id: $id}) RETURN e.name",
    { id: "china" },
  ],
  ["CYPHER 5 twice", "CYPHER 5 CYPHER 5 RETURN 1 AS one", {}],
  ["query options in strings and comments", "RETURN 'CYPHER runtime=legacy' AS text // CYPHER debug=ast", {}],
  ["a variable called cypher", "WITH 1 AS cypher RETURN cypher", {}],
  ["PROFILE of a read", "PROFILE MATCH (e:Entity) RETURN count(e) AS n", {}],
  ["PROFILE after CYPHER 5", "CYPHER 5 PROFILE MATCH (e:Entity {id: 'china'}) RETURN e.name AS name", {}],
  ["PROFILE of introspection", "profile CALL db.labels()", {}],
  [
    "dates and temporal values",
    "MATCH ()-[r:ATTACKS]->() RETURN r.date AS d, datetime('2022-03-09T10:00:00Z') AS t",
    {},
  ],
];

describe("Cypher guard, lexical checks (no database)", () => {
  it("should decode unicode escapes as Neo4j does, but not escaped backslashes", () => {
    expect(decodeUnicodeEscapes("\\u0053ET")).toBe("SET");
    expect(decodeUnicodeEscapes("\\uu0041")).toBe("A");
    expect(decodeUnicodeEscapes("\\\\u0041")).toBe("\\\\u0041");
    expect(decodeUnicodeEscapes("\\\\\\u0041")).toBe("\\\\A");
    expect(decodeUnicodeEscapes("\\u00")).toBe("\\u00");
  });

  it.each([
    ["", "empty"],
    ["RETURN 1; RETURN 2", "multiple-statements"],
    ["USE system SHOW USERS", "use"],
    ["CALL apoc.help('x')", "procedure"],
    ["CALL foo()", "procedure"],
    ["RETURN apoc.version()", "function"],
    ["RETURN `my.plugin`.fn(1)", "function"],
  ] as const)("should refuse %j before asking Neo4j (%s)", (query, rule) => {
    expect(() => precheckCypher(query)).toThrow(CypherRefusedError);
    try {
      precheckCypher(query);
    } catch (error) {
      expect((error as CypherRefusedError).rule).toBe(rule);
    }
  });

  it.each([
    "RETURN 1;",
    "RETURN 1; // done",
    "CALL db.labels()",
    "CALL () { RETURN 1 AS x } RETURN x",
    "RETURN date.truncate('day', date()) AS d, Point.Distance(point({x: 1, y: 1}), point({x: 0, y: 0})) AS p",
    "MATCH (n) WITH n AS call RETURN call.id",
    "RETURN {use: 1} AS m",
  ])("should leave %j to EXPLAIN", (query) => {
    expect(() => precheckCypher(query)).not.toThrow();
  });
});

describe("Cypher guard, plan checks (EXPLAIN summaries as Neo4j gives them)", () => {
  const plan = (operatorType: string, details = "", children: unknown[] = []) =>
    ({ operatorType, arguments: { Details: details }, identifiers: [], children }) as never;
  const summary = (queryType: string, root: unknown) =>
    ({ queryType, plan: root, database: { name: "neo4j" } }) as never;
  const ruleOf = (s: never) => {
    try {
      checkExplain(s);
      return "accepted";
    } catch (error) {
      return (error as CypherRefusedError).rule;
    }
  };

  it("should refuse a plugin function that is installed and so passed EXPLAIN", () => {
    const root = plan("ProduceResults@neo4j", "x", [
      plan("Projection@neo4j", "apoc.text.join($autolist_0, $autostring_1) AS x"),
    ]);
    expect(ruleOf(summary("r", root))).toBe("function");
  });

  it("should refuse an installed procedure outside the allowlist, even a read-only one", () => {
    const root = plan("ProduceResults@neo4j", "value", [
      plan("ProcedureCall@neo4j", "apoc.load.json($autostring_0) :: (value :: MAP)"),
    ]);
    expect(ruleOf(summary("r", root))).toBe("procedure");
  });

  it("should refuse a plan that runs on another database", () => {
    const root = plan("ProduceResults@system", "x", [plan("Projection@system", "$autoint_0 AS x")]);
    expect(ruleOf(summary("r", root))).toBe("use");
  });

  it("should refuse schema commands and unknown query types", () => {
    expect(ruleOf(summary("s", plan("CreateIndex@neo4j", "RANGE INDEX x FOR (:X) ON (y)")))).toBe("admin");
    expect(ruleOf(summary("s", plan("SomethingNew@neo4j")))).toBe("admin");
    expect(ruleOf(summary("rw", plan("ProduceResults@neo4j")))).toBe("write");
    expect(ruleOf(summary("", plan("ProduceResults@neo4j")))).toBe("write");
  });

  it("should accept built-ins, allowlisted procedures and names that only look like calls", () => {
    const root = plan("ProduceResults@neo4j", "`a.b(`, d", [
      plan("Projection@neo4j", "cache[n.name] AS `a.b(`, date.truncate($autostring_0, date()) AS d", [
        plan("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)"),
      ]),
    ]);
    expect(ruleOf(summary("r", root))).toBe("accepted");
  });
});

describe("Cypher endpoint (real Neo4j, briefing)", () => {
  let driver: Driver;
  let neo: OpenNeo4j;
  let store: Neo4jCypherRunner;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    driver = createTestDriver();
    await wipe(driver);
    const run = await runLoader(["data"]);
    expect(run.code).toBe(0);
    neo = openNeo4j({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
    store = neo.cypher;
    before = await snapshot(driver);
  });

  afterAll(async () => {
    await neo?.close();
    await driver?.close();
  });

  describe("refusals", () => {
    it("should hold at least 40 hostile queries", () => {
      expect(REFUSED.length).toBeGreaterThanOrEqual(40);
    });

    it.each(REFUSED)("should refuse %j as %s", async (query, rule) => {
      const error = await refusal(store, query);
      expect(error.rule).toBe(rule);
      expect(error.message.length).toBeGreaterThan(10);
    });

    it("should name what it refused in plain words", async () => {
      expect((await refusal(store, "CALL dbms.components()")).message).toContain("dbms.components");
      expect((await refusal(store, "RETURN apoc.version()")).message).toContain("apoc.version");
      expect((await refusal(store, "MATCH (n) DETACH DELETE n")).message).toContain("DELETE");
      expect((await refusal(store, "LOAD CSV FROM 'file:///x' AS l RETURN l")).message).toContain("LOAD CSV");
      expect((await refusal(store, "SHOW TRANSACTIONS")).message).toContain("ShowTransactions");
      const option = (await refusal(store, "CYPHER 5 runtime = parallel RETURN 1")).message;
      expect(option).toContain("CYPHER 5 runtime=parallel");
      expect(option).toContain("Only CYPHER 5");
    });

    it("should have left the data, labels, keys, constraints, indexes, databases and users unchanged", async () => {
      expect(await snapshot(driver)).toEqual(before);
    });
  });

  describe("reads", () => {
    it.each(ACCEPTED)("should run %s", async (_name, query, params) => {
      const result = await store.run(query, params);
      expect(result.truncated).toBe(false);
      expect(result.columns.length).toBeGreaterThan(0);
      expect(result.timeMs).toBeGreaterThanOrEqual(0);
    });

    it.each([
      ["console-labels", {}, "label"],
      ["console-relationship-types", {}, "relationshipType"],
      ["console-property-keys", {}, "propertyKey"],
      ["console-missing-nodes", { ids: ["no-such-element"] }, "n"],
    ])("should run the console's own query %s, header comment and all", async (name, params, column) => {
      const text = readFileSync(new URL(`../../cypher/queries/${name}.cypher`, import.meta.url), "utf8");
      expect((await store.run(text, params)).columns).toEqual([column]);
    });

    it("should answer a PROFILE of a read with the same rows as the read itself", async () => {
      const query = "MATCH (e:Entity) WHERE e.kind = $kind RETURN e.id AS id ORDER BY id";
      const plain = await store.run(query, { kind: "Country" });
      const profiled = await store.run(`PROFILE ${query}`, { kind: "Country" });
      expect(plain.rows.length).toBeGreaterThan(2);
      expect(profiled.columns).toEqual(plain.columns);
      expect(profiled.rows).toEqual(plain.rows);
    });

    it("should end a line comment at a carriage return, as the guard's lexer does", async () => {
      expect((await store.run("RETURN 1 AS a // note\r, 2 AS b", {})).columns).toEqual(["a", "b"]);
    });

    it("should answer plain JSON: integers, dates, nodes, relationships and paths", async () => {
      const result = await store.run(
        "MATCH p = (a:Entity {id: 'usa'})-[r:SANCTIONS]->(b:Entity {id: 'russia'}) " +
          "RETURN a.id AS id, r.date AS date, r.confidence AS c, 9007199254740993 AS big, 42 AS n, " +
          "[a, {rel: r}] AS nested, p",
        {},
      );
      expect(result.columns).toEqual(["id", "date", "c", "big", "n", "nested", "p"]);
      const [row] = result.rows as unknown[][];
      const [id, date, c, big, n, nested, path] = row!;
      expect(id).toBe("usa");
      expect(date).toBe("2022-02-24");
      expect(typeof c).toBe("number");
      expect(big).toBe("9007199254740993");
      expect(n).toBe(42);
      const [node, map] = nested as [Record<string, unknown>, { rel: Record<string, unknown> }];
      expect(node).toMatchObject({
        labels: expect.arrayContaining(["Entity", "Country"]),
        properties: { id: "usa", iso3: "USA" },
      });
      expect(typeof node.elementId).toBe("string");
      expect(map.rel).toMatchObject({
        type: "SANCTIONS",
        start: node.elementId,
        properties: { dataset: "briefing-2022-03" },
      });
      const p = path as { nodes: { properties: { id: string } }[]; relationships: { type: string }[] };
      expect(p.nodes.map((x) => x.properties.id)).toEqual(["usa", "russia"]);
      expect(p.relationships.map((x) => x.type)).toEqual(["SANCTIONS"]);
      // Each node and relationship once, however often it appears.
      expect(result.graph.nodes).toHaveLength(2);
      expect(result.graph.relationships).toHaveLength(1);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it("should collect the graph from every row, paths unpacked", async () => {
      const result = await store.run("MATCH p = (:Entity {id: 'smic'})-[*1..2]-() RETURN p", {});
      const ids = new Set(result.graph.nodes.map((n) => (n as { elementId: string }).elementId));
      expect(ids.size).toBe(result.graph.nodes.length);
      expect(result.graph.relationships.length).toBeGreaterThan(3);
    });
  });

  describe("parameters", () => {
    it("should send whole JSON numbers as integers, so LIMIT $n works, and keep fractions as floats", async () => {
      const result = await store.run(
        "UNWIND range(1, 10) AS x WITH x LIMIT $n RETURN collect(x) AS xs, $f * 2 AS f, $nested.k AS k",
        {
          n: 3,
          f: 0.25,
          nested: { k: [1, 2] },
        },
      );
      expect(result.rows).toEqual([[[1, 2, 3], 0.5, [1, 2]]]);
    });
  });

  describe("limits", () => {
    it("should cap rows at 1,000 by default and say it cut", async () => {
      const result = await store.run("UNWIND range(1, 5000) AS x RETURN x", {});
      expect(result.rows).toHaveLength(1000);
      expect(result.rows[999]).toEqual([1000]);
      expect(result.truncated).toBe(true);
    });

    it("should honour a smaller row cap and not cut an answer that fits", async () => {
      expect((await store.run("UNWIND range(1, 50) AS x RETURN x", {}, { maxRows: 10 })).rows).toHaveLength(10);
      const exact = await store.run("UNWIND range(1, 10) AS x RETURN x", {}, { maxRows: 10 });
      expect(exact.rows).toHaveLength(10);
      expect(exact.truncated).toBe(false);
    });

    it("should cap the rows of a PROFILE and stop it at its time limit as any query", async () => {
      const capped = await store.run("PROFILE UNWIND range(1, 5000) AS x RETURN x", {}, { maxRows: 10 });
      expect(capped.rows).toHaveLength(10);
      expect(capped.truncated).toBe(true);
      const error = await store
        .run("PROFILE UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN x", {}, { timeoutMs: 500 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CypherTimeoutError);
    });

    it("should stop a query at its time limit with CypherTimeoutError", async () => {
      // A billion rows: long enough that no machine finishes before Neo4j's timeout check (it looks every 2 s) or the
      // runner's backstop; a hundred million took 1.9 s on a quiet 2-core machine and ended before either.
      const started = performance.now();
      const error = await store
        .run("UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN x", {}, { timeoutMs: 500 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CypherTimeoutError);
      expect((error as CypherTimeoutError).timeoutMs).toBe(500);
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it("should answer at its deadline and leave no transaction of it running on the server", async () => {
      // The row filter checks for termination between rows, so Neo4j ends it once the client terminates it.
      const running = async () =>
        (
          await driver.executeQuery(
            "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.purpose = 'cypher' RETURN transactionId",
            {},
          )
        ).records.length;
      const started = performance.now();
      const error = await store
        .run("UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN x", {}, { timeoutMs: 1000 })
        .catch((e: unknown) => e);
      const answeredAfter = performance.now() - started;
      expect(error).toBeInstanceOf(CypherTimeoutError);
      expect((error as CypherTimeoutError).timeoutMs).toBe(1000);
      // A bound, not a speed figure: the deadline is 1.5 s; Neo4j's own timeout alone took up to 77 s here.
      expect(answeredAfter).toBeLessThan(5000);
      console.info(`cypher deadline: answered ${Math.round(answeredAfter)} ms after the start (timeout 1000 ms)`);
      for (let i = 0; i < 100 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await running()).toBe(0);
    });

    it("should stop a query at the memory limit with a typed error, not retried, and keep answering", async () => {
      // collect() is counted by db.memory.transaction.max (256m in the launcher); ten million strings need more.
      const error = await store
        .run("UNWIND range(1, 10000000) AS x WITH collect(toString(x) + 'padding') AS l RETURN size(l)", {})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CypherQueryError);
      expect((error as CypherQueryError).code).toMatch(/MemoryPoolOutOfMemoryError|TransactionMemoryLimit/);
      expect((error as CypherQueryError).message).toContain("db.memory.transaction.max");
      expect((await store.run("RETURN 1 AS one", {})).rows).toEqual([[1]]);
    });

    it("should survive a string doubled past Java's heap when a client skips the guard", async () => {
      // What the guard refuses as "growth", sent straight to Neo4j: the launcher runs without
      // -XX:+ExitOnOutOfMemoryError, so Java's own error fails this one query and the server stays up.
      const error = await driver
        .executeQuery("RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n", {})
        .catch((e: unknown) => e);
      expect(error).toHaveProperty("code");
      expect((error as { code: string }).code).not.toBe("ServiceUnavailable");
      const after = await driver.executeQuery("RETURN 1 AS one", {});
      expect(after.records[0]!.get("one").toNumber()).toBe(1);
    }, 180_000);

    it("should cancel on abort and end the transaction on the server", async () => {
      const running = async () =>
        (
          await driver.executeQuery(
            "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.purpose = 'cypher' RETURN transactionId",
            {},
          )
        ).records.length;
      const controller = new AbortController();
      const pending = store
        .run(
          "UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN x",
          {},
          {
            signal: controller.signal,
            timeoutMs: 60_000,
          },
        )
        .catch((e: unknown) => e);
      for (let i = 0; i < 50 && (await running()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await running()).toBe(1);
      const abortedAt = performance.now();
      controller.abort();
      expect(await pending).toBeInstanceOf(CypherCancelledError);
      expect(performance.now() - abortedAt).toBeLessThan(5000);
      for (let i = 0; i < 50 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await running()).toBe(0);
    });

    it("should refuse at once a signal that is already aborted", async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(store.run("RETURN 1", {}, { signal: controller.signal })).rejects.toBeInstanceOf(
        CypherCancelledError,
      );
    });
  });

  describe("errors from Neo4j", () => {
    it("should report a syntax error with Neo4j's code and the line and column in the user's text", async () => {
      const error = await store.run("MATCH (n:Entity)\nRETRN n", {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CypherQueryError);
      const e = error as CypherQueryError;
      expect(e.code).toBe("Neo.ClientError.Statement.SyntaxError");
      expect(e.position).toEqual({ line: 2, column: 1, offset: 17 });
      expect(e.message).toContain("RETRN");
      expect(e.message).not.toContain("EXPLAIN");
    });

    it("should place an error in a PROFILE where the user wrote it", async () => {
      const error = await store.run("PROFILE MATCH (n:Entity)\nRETRN n", {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CypherQueryError);
      expect((error as CypherQueryError).position).toEqual({ line: 2, column: 1, offset: 25 });
      expect((error as CypherQueryError).message).not.toContain("EXPLAIN");
    });

    it("should place an error on the first line correctly", async () => {
      const e = (await store.run("RETURN foo(1)", {}).catch((x: unknown) => x)) as CypherQueryError;
      expect(e).toBeInstanceOf(CypherQueryError);
      expect(e.position).toEqual({ line: 1, column: 8, offset: 7 });
    });

    it("should report a missing parameter and a runtime error by code", async () => {
      const missing = (await store.run("RETURN $nope AS x", {}).catch((x: unknown) => x)) as CypherQueryError;
      expect(missing).toBeInstanceOf(CypherQueryError);
      expect(missing.code).toBe("Neo.ClientError.Statement.ParameterMissing");
      const runtime = (await store.run("RETURN 1 / 0 AS x", {}).catch((x: unknown) => x)) as CypherQueryError;
      expect(runtime).toBeInstanceOf(CypherQueryError);
      expect(runtime.code).toBe("Neo.ClientError.Statement.ArithmeticError");
    });

    it("should answer StoreUnavailableError quickly when Neo4j cannot be reached", async () => {
      const down = openNeo4j({ ...DEFAULT_NEO4J_CONFIG, uri: "bolt://127.0.0.1:9" });
      try {
        const started = performance.now();
        await expect(down.cypher.run("RETURN 1", {})).rejects.toBeInstanceOf(StoreUnavailableError);
        expect(performance.now() - started).toBeLessThan(3500);
      } finally {
        await down.close();
      }
    });
  });
});

/** A list literal nested `depth` deep, e.g. `[[1]]` for 2. */
const nestedList = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

/** Parameters `{"p": …}` holding a list nested `depth` deep, as JSON text. */
const nestedParams = (depth: number) => `{"p": ${nestedList(depth)}}`;

describe("Cypher endpoint bounds (real server)", () => {
  let server: ServerProcess;
  let decks: string;

  beforeAll(async () => {
    decks = mkdtempSync(join(tmpdir(), "statecraft-bounds-"));
    server = await startServer({ NEO4J_URI: testUri(), STATECRAFT_DECKS: decks });
  });

  afterAll(async () => {
    await server?.stop();
    if (decks) rmSync(decks, { recursive: true, force: true });
  });

  /** POSTs the query; `params` is JSON text, since JSON.stringify itself overflows on values 5,000 deep. */
  const post = async (query: string, params = "{}") => {
    const res = await fetch(server.url + "/api/cypher", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query": ${JSON.stringify(query)}, "params": ${params}}`,
    });
    const text = await res.text();
    return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as Record<string, unknown> };
  };

  it.each([
    ["a list nested 3,000 deep in the query", `RETURN ${nestedList(3000)} AS x`, undefined, 403, { rule: "depth" }],
    ["8,000 parentheses", `RETURN ${"(".repeat(8000)}1${")".repeat(8000)} AS x`, undefined, 403, { rule: "depth" }],
    ["maps nested 101 deep", `RETURN ${"{a: ".repeat(101)}1${"}".repeat(101)} AS x`, undefined, 403, { rule: "depth" }],
    ["parameters nested 5,000 deep", "RETURN $p AS p", nestedParams(5000), 400, { field: "params" }],
    ["parameters nested 101 deep", "RETURN $p AS p", nestedParams(100), 400, { field: "params" }],
  ])("should refuse %s", async (_name, query, params, status, named) => {
    const res = await post(query, params);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject(named);
    expect(String((res.body.error as { message: string }).message)).toMatch(/100 deep/);
  });

  it("should answer a list nested to the limit in the query and in the parameters", async () => {
    const res = await post(`RETURN ${nestedList(99)} AS x, $p AS p`, nestedParams(99));
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(JSON.stringify(res.body.rows)).toBe(`[[${nestedList(99)},${nestedList(99)}]]`);
  });

  // The driver decodes a whole record before the runner sees it (5,000,000 integers take it about 50 s): 1,000,000
  // shows the list cap without waiting on that.
  it("should cut a list of 1,000,000 at the list cap and keep answering health", async () => {
    const res = await post("RETURN range(1, 1000000) AS xs");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: "list" });
    const xs = (res.body.rows as number[][][])[0]![0]!;
    expect(xs).toHaveLength(10_000);
    expect(xs.slice(0, 3)).toEqual([1, 2, 3]);
    const health = await getJson(server.url + "/api/health");
    expect(health.status).toBe(200);
  });

  it("should stop 1,000 rows of 10,000 integers at the byte cap, whole rows only, under 8 MB", async () => {
    const res = await post("UNWIND range(1, 1000) AS i RETURN i, range(1, 10000) AS xs");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: "bytes" });
    const rows = res.body.rows as [number, number[]][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(1000);
    expect(rows.every(([, xs]) => xs.length === 10_000)).toBe(true);
    expect(rows.at(-1)![0]).toBe(rows.length);
    expect(res.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(res.bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect((await getJson(server.url + "/api/health")).status).toBe(200);
  });

  it("should put null where an answer nests deeper than the limit and say so", async () => {
    const res = await post("RETURN reduce(acc = null, i IN range(1, 150) | [coalesce(acc, 1)]) AS deep");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: "depth" });
    expect(JSON.stringify(res.body.rows)).toBe(`[[${"[".repeat(100)}null${"]".repeat(100)}]]`);
  });

  it("should answer a query under every cap unchanged, with no reason given", async () => {
    const res = await post("UNWIND range(1, 3) AS x RETURN x, [x, x * 2] AS pair, {x: x} AS m");
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      [1, [1, 2], { x: 1 }],
      [2, [2, 4], { x: 2 }],
      [3, [3, 6], { x: 3 }],
    ]);
    expect(res.body.truncated).toBe(false);
    expect(res.body).not.toHaveProperty("truncatedBy");
  });

  it("should still name the row cap as the reason when rows run out first", async () => {
    const res = await post("UNWIND range(1, 5000) AS x RETURN x");
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: "rows" });
    expect(res.body.rows).toHaveLength(1000);
  });
});

describe("Console flood drill (real server)", () => {
  let server: ServerProcess;
  let decks: string;

  beforeAll(async () => {
    decks = mkdtempSync(join(tmpdir(), "statecraft-flood-"));
    // No rate limit: the drill measures what the guard itself costs the event loop, not the limit in front of it.
    server = await startServer({ NEO4J_URI: testUri(), STATECRAFT_DECKS: decks, RATE_LIMIT_CYPHER: "0" });
  });

  afterAll(async () => {
    await server?.stop();
    if (decks) rmSync(decks, { recursive: true, force: true });
  });

  // Texts at the 16 KB query limit that once held the event loop for seconds each, and one that is refused by Neo4j's
  // plan check (so it costs an EXPLAIN too).
  const FLOOD = [
    "a . ".repeat(4000),
    "CYPHER ".repeat(2300),
    `RETURN ${"(".repeat(100)}1${")".repeat(100)} ${"+ 1 ".repeat(3800)}`,
    `\\u0043YPHER ${"\\u0061 ".repeat(2000)}`,
    "MATCH (n) DETACH DELETE n",
  ];

  it("should keep answering health while eight clients flood the console", async () => {
    const stopAt = performance.now() + 6000;
    const statuses = new Map<number, number>();
    const flooder = async (offset: number) => {
      for (let i = offset; performance.now() < stopAt; i++) {
        const res = await fetch(server.url + "/api/cypher", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: FLOOD[i % FLOOD.length], params: {} }),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const health: { ms: number; status: number }[] = [];
    const prober = async () => {
      while (performance.now() < stopAt) {
        const t = performance.now();
        const res = await fetch(server.url + "/api/health");
        await res.arrayBuffer();
        health.push({ ms: performance.now() - t, status: res.status });
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all([...Array.from({ length: 8 }, (_, i) => flooder(i)), prober()]);
    const sorted = health.map((h) => h.ms).sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    console.info(
      `console flood: ${[...statuses].map(([s, n]) => `${n} x ${s}`).join(", ")}; health ${health.length} answers, ` +
        `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms, ${health.filter((h) => h.status === 503).length} x 503`,
    );
    // No internal error: refusals, the overload watch's 503, a 504 for what Neo4j could not plan in time, and 200
    // for the long sum, which is a read.
    expect([...statuses.keys()].every((s) => s < 500 || s === 503 || s === 504)).toBe(true);
    // A bound, not a speed figure: health answered all along (the figures above are what this machine managed).
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((h) => h.status === 200 || h.status === 503)).toBe(true);
  }, 60_000);
});
