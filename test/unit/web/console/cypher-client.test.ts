// The console's HTTP calls with a stand-in fetch: the request sent, answers read, failures typed.

import { describe, expect, it } from "vitest";
import { ConsoleFailure } from "../../../../src/web/console/console-errors.ts";
import { fetchLibrary, runCypher, type Fetch } from "../../../../src/web/console/cypher-client.ts";
import { result } from "./fixtures.ts";

function answer(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}): Fetch {
  return (async (url: string, init: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  }) as unknown as Fetch;
}

async function failure(p: Promise<unknown>): Promise<ConsoleFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConsoleFailure) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("runCypher", () => {
  it("posts the query and parameters as JSON and returns the result", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const r = result(["x"], [[1]]);
    expect(await runCypher("RETURN $x AS x", { x: 1 }, undefined, answer(200, r, seen))).toEqual(r);
    expect(seen.url).toBe("/api/cypher");
    expect(seen.init?.method).toBe("POST");
    expect(JSON.parse(seen.init?.body as string)).toEqual({ query: "RETURN $x AS x", params: { x: 1 } });
  });

  it("types the server's errors", async () => {
    const refused = await failure(
      runCypher("CREATE (n)", {}, undefined, answer(403, { error: { status: 403, message: "no", rule: "write" } })),
    );
    expect(refused.error).toMatchObject({ kind: "refused", rule: "write" });
    const html = await failure(runCypher("RETURN 1", {}, undefined, answer(502, "<html>")));
    expect(html.error.kind).toBe("server");
  });

  it("reports a server that cannot be reached", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as Fetch;
    const e = await failure(runCypher("RETURN 1", {}, undefined, down));
    expect(e.error).toMatchObject({ kind: "network", message: "Failed to fetch" });
  });

  it("rethrows an abort as it is", async () => {
    const abort = new AbortController();
    abort.abort();
    const aborting = (async () => {
      throw new DOMException("aborted", "AbortError");
    }) as unknown as Fetch;
    await expect(runCypher("RETURN 1", {}, abort.signal, aborting)).rejects.toThrow(/aborted/);
  });
});

describe("fetchLibrary", () => {
  it("returns the library's queries", async () => {
    const q = {
      id: "neighbours",
      name: "Neighbours",
      description: "d",
      params: { id: "china" },
      query: "MATCH (e) RETURN e",
    };
    expect(await fetchLibrary(undefined, answer(200, { queries: [q] }))).toEqual([q]);
    expect(await fetchLibrary(undefined, answer(200, {}))).toEqual([]);
  });
});
