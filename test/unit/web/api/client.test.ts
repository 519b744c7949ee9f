// The web app's one API client with a stand-in fetch: the requests it sends, answers checked against their shape,
// every failure one ApiError (with the server's field, rule, Neo4j code and position), aborts passed through,
// batch reads cut at BATCH_MAX_IDS, and the deck and Cypher calls that used to have clients of their own.

import { describe, expect, it } from "vitest";
import { BATCH_MAX_IDS, type EntityRecord, type RelationDetail } from "../../../../src/model/api.ts";
import { DECK_FORMAT, DECK_VERSION, type Deck } from "../../../../src/model/deck.ts";
import { createApiClient } from "../../../../src/web/api/client.ts";
import { ApiError } from "../../../../src/web/api/errors.ts";
import type { Fetch } from "../../../../src/web/api/http.ts";
import { result } from "../console/fixtures.ts";
import { fetchStub, type Answer } from "./fetch-stub.ts";

function entity(id: string): EntityRecord {
  return { id, kind: "Country", name: id.toUpperCase(), aliases: {}, datasets: ["d"], degree: 1 };
}

function relation(id: string): RelationDetail {
  return {
    id,
    type: "SANCTIONS",
    stance: "hostile",
    from: "usa",
    to: "russia",
    confidence: 0.9,
    inference: false,
    evidence: [{ source: "s1", text: "t" }],
    dataset: "d",
    fromEntity: { id: "usa", kind: "Country", name: "United States" },
    toEntity: { id: "russia", kind: "Country", name: "Russia" },
    sentence: "United States sanctions Russia",
    sources: [{ id: "s1", title: "A report", datasets: ["d"] }],
  };
}

const deck: Deck = {
  format: DECK_FORMAT,
  version: DECK_VERSION,
  id: "march",
  title: "March",
  author: "",
  date: "2022-03-09",
  createdAt: "2022-03-09T10:00:00.000Z",
  updatedAt: "2022-03-09T10:00:00.000Z",
  scenes: [],
};

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

const answering = (answer: Answer) => fetchStub(() => answer);

describe("api client: failures", () => {
  it("should report a server that cannot be reached as a network error naming the route", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as Fetch;
    const e = await failure(createApiClient({ fetch: down }).summary());
    expect(e).toMatchObject({ kind: "network", status: 0 });
    expect(e.message).toBe("GET /api/summary: Failed to fetch");
  });

  it("should rethrow an abort as it is", async () => {
    const abort = new AbortController();
    abort.abort();
    const aborting = (async () => {
      throw new DOMException("aborted", "AbortError");
    }) as unknown as Fetch;
    const run = createApiClient({ fetch: aborting }).cypher("RETURN 1", {}, abort.signal);
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof DOMException && e.name === "AbortError");
  });

  it("should keep the server's status, message, field, rule, code and position", async () => {
    const body = {
      error: {
        status: 400,
        message: "Invalid input 'LIMT'",
        field: "query",
        code: "Neo.ClientError.Statement.SyntaxError",
        position: { line: 1, column: 20, offset: 19 },
      },
    };
    const e = await failure(createApiClient(answering({ status: 400, body })).cypher("MATCH (n) LIMT 1", {}));
    expect(e).toMatchObject({
      kind: "http",
      status: 400,
      message: "Invalid input 'LIMT'",
      field: "query",
      code: "Neo.ClientError.Statement.SyntaxError",
      position: { line: 1, column: 20, offset: 19 },
    });
    const refused = { error: { status: 403, message: "no", rule: "write", position: "not a position" } };
    const r = await failure(createApiClient(answering({ status: 403, body: refused })).cypher("CREATE (n)", {}));
    expect(r).toMatchObject({ status: 403, rule: "write" });
    expect(r.position).toBeUndefined();
  });

  it("should fall back to the status text when the error body is not the API's", async () => {
    const e = await failure(
      createApiClient(answering({ status: 502, body: "<html>", statusText: "Bad Gateway" })).health(),
    );
    expect(e).toMatchObject({ kind: "http", status: 502, message: "Bad Gateway" });
    const bare = await failure(createApiClient(answering({ status: 500 })).health());
    expect(bare.message).toBe("HTTP 500");
  });

  it("should refuse an answer of the wrong shape, naming the route and the path of the bad value", async () => {
    const body = {
      entities: [entity("china")],
      relations: [{ ...relation("r1"), type: "SANCTION" }],
      truncated: false,
    };
    const e = await failure(createApiClient(answering({ status: 200, body })).graph({ limit: 10 }));
    expect(e).toMatchObject({ kind: "shape", status: 200, field: "relations[0].type" });
    expect(e.message).toMatch(/^statecraft\/web: GET \/api\/graph\?limit=10 answered what this page cannot read/);
    const notJson = await failure(createApiClient(answering({ status: 200, body: "<html>" })).health());
    expect(notJson).toMatchObject({ kind: "shape", field: "(answer)" });
  });
});

describe("api client: editor token", () => {
  it("should send no Authorization header without a token, and the bearer token on every request with one", async () => {
    const { fetch, sent } = fetchStub((r) =>
      r.method === "PUT" ? { status: 200, body: deck } : { status: 200, body: { decks: [], store: "file" } },
    );
    await createApiClient({ fetch, token: () => undefined }).decks.list();
    expect(sent[0]!.headers.authorization).toBeUndefined();
    const client = createApiClient({ fetch, token: () => "0123456789abcdef" });
    await client.decks.list();
    await client.decks.save(deck);
    expect(sent.slice(1).map((r) => [r.method, r.headers.authorization, r.headers["content-type"]])).toEqual([
      ["GET", "Bearer 0123456789abcdef", undefined],
      ["PUT", "Bearer 0123456789abcdef", "application/json"],
    ]);
  });
});

describe("api client: reads", () => {
  it("should send GET with the query string and returns the checked answer", async () => {
    const { fetch, sent } = fetchStub(() => ({ status: 200, body: { hits: [] } }));
    expect(await createApiClient({ fetch }).search("Chi na", 5)).toEqual({ hits: [] });
    expect(sent).toEqual([
      { method: "GET", url: "/api/search?q=Chi+na&limit=5", body: undefined, headers: { accept: "application/json" } },
    ]);
  });

  it("should build the path search's query from the model's path options", async () => {
    const { fetch, sent } = fetchStub(() => ({ status: 200, body: { paths: [], truncated: false } }));
    const client = createApiClient({ fetch });
    await client.paths({ from: "smic", to: "ukraine", maxHops: 4, stances: ["hostile"], direction: "any", k: 3 });
    await client.paths({
      from: "a b",
      to: "c",
      maxHops: 2,
      types: ["SANCTIONS", "PROTECTS"],
      direction: "follow",
      k: 1,
      asOf: "2022-03-09",
    });
    expect(sent.map((r) => r.url)).toEqual([
      "/api/paths?from=smic&to=ukraine&maxHops=4&stances=hostile&direction=any&k=3",
      "/api/paths?from=a+b&to=c&maxHops=2&types=SANCTIONS%2CPROTECTS&direction=follow&k=1&asOf=2022-03-09",
    ]);
  });

  it("should encode ids in paths", async () => {
    const { fetch, sent } = fetchStub(() => ({ status: 200, body: relation("r/1") }));
    await createApiClient({ fetch }).relation("r/1");
    expect(sent[0]!.url).toBe("/api/relations/r%2F1");
  });
});

describe("api client: batch reads", () => {
  /** A server that knows the entities whose id does not start with "gone". */
  const entityServer = () =>
    fetchStub((r) => {
      const ids = (r.body as { ids: string[] }).ids;
      const known = ids.filter((id) => !id.startsWith("gone"));
      return {
        status: 200,
        body: { entities: [...known].sort().map(entity), missing: ids.filter((id) => id.startsWith("gone")) },
      };
    });

  it("should send nothing for no ids", async () => {
    const { fetch, sent } = entityServer();
    expect(await createApiClient({ fetch }).entities([])).toEqual({ entities: [], missing: [] });
    expect(sent).toEqual([]);
  });

  it("should post the ids, each once, and returns the records and the missing ids", async () => {
    const { fetch, sent } = entityServer();
    const answer = await createApiClient({ fetch }).entities(["russia", "gone-1", "china", "russia"]);
    expect(sent).toEqual([
      {
        method: "POST",
        url: "/api/entities:batch",
        body: { ids: ["russia", "gone-1", "china"] },
        headers: { accept: "application/json", "content-type": "application/json" },
      },
    ]);
    expect(answer).toEqual({ entities: [entity("china"), entity("russia")], missing: ["gone-1"] });
  });

  it(`should cut more than ${BATCH_MAX_IDS} ids into requests of at most ${BATCH_MAX_IDS}, joined sorted by id`, async () => {
    const { fetch, sent } = entityServer();
    const ids = Array.from(
      { length: BATCH_MAX_IDS + 2 },
      (_, i) => `e${String(BATCH_MAX_IDS + 1 - i).padStart(5, "0")}`,
    );
    ids.splice(1, 0, "gone-a");
    ids.push("gone-b");
    const answer = await createApiClient({ fetch }).entities(ids);
    expect(sent.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([BATCH_MAX_IDS, 4]);
    expect(answer.entities.map((e) => e.id)).toEqual([...ids.filter((id) => !id.startsWith("gone"))].sort());
    expect(answer.missing).toEqual(["gone-a", "gone-b"]);
  });

  it("should read relations with their sources through the relation batch route", async () => {
    const { fetch, sent } = fetchStub(() => ({ status: 200, body: { relations: [relation("r1")], missing: ["r9"] } }));
    expect(await createApiClient({ fetch }).relations(["r1", "r9"])).toEqual({
      relations: [relation("r1")],
      missing: ["r9"],
    });
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/api/relations:batch", { ids: ["r1", "r9"] }],
    ]);
  });

  it("should fail as a whole when one chunk fails", async () => {
    let calls = 0;
    const { fetch } = fetchStub(() =>
      ++calls === 2
        ? { status: 503, body: { error: { status: 503, message: "Neo4j is down" } } }
        : { status: 200, body: { entities: [], missing: [] } },
    );
    const ids = Array.from({ length: BATCH_MAX_IDS + 1 }, (_, i) => `e${i}`);
    const e = await failure(createApiClient({ fetch }).entities(ids));
    expect(e).toMatchObject({ status: 503, message: "Neo4j is down" });
  });
});

describe("api client: Cypher", () => {
  it("should post the query and parameters as JSON and returns the result", async () => {
    const r = result(["x"], [[1]]);
    const { fetch, sent } = fetchStub(() => ({ status: 200, body: r }));
    expect(await createApiClient({ fetch }).cypher("RETURN $x AS x", { x: 1 })).toEqual(r);
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ["POST", "/api/cypher", { query: "RETURN $x AS x", params: { x: 1 } }],
    ]);
  });

  it("should return the library's queries, and refuses a library answer without its list", async () => {
    const q = { id: "neighbours", name: "Neighbours", description: "d", params: { id: "china" }, query: "RETURN 1" };
    expect(await createApiClient(answering({ status: 200, body: { queries: [q] } })).queries()).toEqual([q]);
    const e = await failure(createApiClient(answering({ status: 200, body: {} })).queries());
    expect(e).toMatchObject({ kind: "shape", field: "queries" });
  });
});

describe("api client: decks", () => {
  it("lists, gets and saves decks, checking each answer", async () => {
    const { fetch, sent } = fetchStub((r) =>
      r.url === "/api/decks"
        ? { status: 200, body: { store: "file", decks: [] } }
        : { status: 200, body: r.method === "PUT" ? { ...deck, updatedAt: "2022-03-10T00:00:00.000Z" } : deck },
    );
    const client = createApiClient({ fetch });
    expect(await client.decks.list()).toEqual({ store: "file", decks: [] });
    expect(await client.decks.get("march")).toEqual(deck);
    expect((await client.decks.save(deck)).updatedAt).toBe("2022-03-10T00:00:00.000Z");
    expect(sent.map((r) => [r.method, r.url])).toEqual([
      ["GET", "/api/decks"],
      ["GET", "/api/decks/march"],
      ["PUT", "/api/decks/march"],
    ]);
    expect(sent[2]!.body).toEqual(deck);
  });

  it("should refuse a deck that does not validate, naming the bad field", async () => {
    const e = await failure(createApiClient(answering({ status: 200, body: { ...deck, title: "" } })).decks.get("x"));
    expect(e).toMatchObject({ kind: "shape", field: "title" });
  });

  it("should delete a deck, and takes one already gone as deleted", async () => {
    const gone = { status: 404, body: { error: { status: 404, message: 'no deck with id "x"', field: "id" } } };
    const { fetch, sent } = fetchStub((r) => (r.url === "/api/decks/x" ? gone : { status: 204 }));
    const client = createApiClient({ fetch });
    await expect(client.decks.remove("march")).resolves.toBeUndefined();
    await expect(client.decks.remove("x")).resolves.toBeUndefined();
    expect(sent.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
    const down = fetchStub(() => ({ status: 503, body: { error: { status: 503, message: "down" } } }));
    expect(await failure(createApiClient({ fetch: down.fetch }).decks.remove("march"))).toMatchObject({ status: 503 });
  });
});
