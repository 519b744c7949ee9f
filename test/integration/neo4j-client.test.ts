// The one Neo4j client against the real test Neo4j: transactions tagged with the app, their purpose and a key of
// their own, reads and writes that fail fast with StoreUnavailableError when the database is down, a deadline and a
// signal that answer at once and terminate the transaction on the server, and Nagle's algorithm turned off on the
// driver's own sockets but on no other socket of the process.

import { connect, createServer, Socket, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeo4jClient, type Neo4jClient } from "../../src/store/neo4j/client.ts";
import { DEFAULT_NEO4J_CONFIG } from "../../src/store/neo4j/config.ts";
import {
  classifyNeo4jError,
  TransactionCancelledError,
  TransactionTimeoutError,
} from "../../src/store/neo4j/errors.ts";
import { expectUnavailableFast, testUri } from "./helpers.ts";

const DEAD_URI = "bolt://127.0.0.1:9";

describe("Neo4jClient", () => {
  let client: Neo4jClient;

  beforeAll(() => {
    client = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
  });

  afterAll(async () => {
    await client?.close();
  });

  it("should fail fast with StoreUnavailableError, reads and writes alike, when Neo4j cannot be reached", async () => {
    const down = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: DEAD_URI });
    try {
      await expectUnavailableFast(DEAD_URI, [
        () => down.read("test read", (tx) => tx.run("RETURN 1")),
        () => down.write("test write", (tx) => tx.run("RETURN 1")),
      ]);
    } finally {
      await down.close();
    }
  });

  it("should tag every transaction with the app and its purpose", async () => {
    const seen = await client.read("client test: metadata", async (tx) => {
      const result = await tx.run("SHOW TRANSACTIONS YIELD metaData, currentQuery RETURN metaData, currentQuery");
      return result.records.map((r) => ({ metaData: r.get("metaData"), query: String(r.get("currentQuery")) }));
    });
    const own = seen.find((t) => t.query.startsWith("SHOW TRANSACTIONS"));
    expect(own?.metaData).toEqual({ app: "statecraft", purpose: "client test: metadata", key: expect.any(String) });
  });

  /** Transactions of this purpose still on the server, read by the client itself. */
  const running = (purpose: string) =>
    client.read("client test: count", async (tx) => {
      const r = await tx.run(
        "SHOW TRANSACTIONS YIELD metaData WHERE metaData.purpose = $purpose RETURN count(*) AS n",
        { purpose },
      );
      return (r.records[0]!.get("n") as { toNumber(): number }).toNumber();
    });

  const gone = async (purpose: string) => {
    for (let i = 0; i < 100 && (await running(purpose)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    return (await running(purpose)) === 0;
  };

  // Rows filtered one by one: Neo4j checks for termination between them, and no machine ends two billion in time.
  const LONG = "UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN x";

  it("should answer a timeout by the deadline and terminate the transaction on the server", async () => {
    const purpose = "client test: deadline";
    const started = performance.now();
    const error = await client.read(purpose, (tx) => tx.run(LONG), { timeoutMs: 800 }).catch((e: unknown) => e);
    const after = performance.now() - started;
    // Neo4j's own timeout may come first (its monitor looks every 2 s): a timeout either way, never a hang.
    expect(classifyNeo4jError(error)).toBe("timeout");
    if (error instanceof TransactionTimeoutError) expect(error.timeoutMs).toBe(800);
    expect(after).toBeLessThan(5000);
    console.info(`client deadline: answered after ${Math.round(after)} ms (timeout 800 ms + 500 ms grace)`);
    expect(await gone(purpose)).toBe(true);
  });

  it("should answer TransactionCancelledError on abort and terminate the transaction on the server", async () => {
    const purpose = "client test: abort";
    const controller = new AbortController();
    const pending = client.read(purpose, (tx) => tx.run(LONG), { signal: controller.signal }).catch((e: unknown) => e);
    for (let i = 0; i < 50 && (await running(purpose)) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    expect(await pending).toBeInstanceOf(TransactionCancelledError);
    expect(await gone(purpose)).toBe(true);
  });

  it("should refuse at once a signal that is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.read("client test: aborted", (tx) => tx.run("RETURN 1"), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(TransactionCancelledError);
  });

  it("should run reads and writes and hand back what the work returns", async () => {
    const written = await client.write("client test: write", async (tx) => {
      const r = await tx.run("CREATE (n:ClientProbe {at: $at}) RETURN n.at AS at", { at: "now" });
      return r.records[0]?.get("at") as string;
    });
    expect(written).toBe("now");
    const count = await client.read("client test: read", async (tx) => {
      const r = await tx.run("MATCH (n:ClientProbe) RETURN count(n) AS c");
      return (r.records[0]?.get("c") as { toNumber(): number }).toNumber();
    });
    expect(count).toBeGreaterThanOrEqual(1);
    await client.write("client test: clean up", (tx) => tx.run("MATCH (n:ClientProbe) DELETE n"));
  });

  it("should turn Nagle off on the driver's sockets and leave other sockets alone", async () => {
    const port = Number(new URL(testUri().replace(/^bolt/, "http")).port);
    const noDelay: Socket[] = [];
    const setNoDelay = Socket.prototype.setNoDelay;
    Socket.prototype.setNoDelay = function (this: Socket, ...args: Parameters<Socket["setNoDelay"]>) {
      noDelay.push(this);
      return setNoDelay.apply(this, args);
    };
    const server = createServer((s) => s.end());
    try {
      // A socket of someone else's that asks for keep-alive, as the driver's do.
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const other = connect((server.address() as AddressInfo).port, "127.0.0.1");
      other.setKeepAlive(true);
      await new Promise((resolve) => other.once("close", resolve));
      expect(noDelay).toEqual([]);

      // A fresh client opens a fresh connection; its socket is the driver's.
      const fresh = createNeo4jClient({ ...DEFAULT_NEO4J_CONFIG, uri: testUri() });
      try {
        await fresh.read("client test: socket", (tx) => tx.run("RETURN 1"));
        // Read while the pooled connection is still open: every socket the hook touched is a Bolt connection.
        expect(noDelay.length).toBeGreaterThan(0);
        expect(noDelay.map((s) => s.remotePort)).toEqual(noDelay.map(() => port));
      } finally {
        await fresh.close();
      }
    } finally {
      Socket.prototype.setNoDelay = setNoDelay;
      server.close();
    }
  });
});
