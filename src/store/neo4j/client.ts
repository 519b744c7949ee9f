// Neo4jClient: the one road to Neo4j. It builds the driver (the only `neo4j.driver(` call in the project), runs
// every transaction as `read(purpose, work)` or `write(purpose, work)` tagged with the app and the purpose, gives up
// within the connection timeout when the database is down, and reports that as StoreUnavailableError. A transaction
// with a timeout also has a deadline: past it the call answers TransactionTimeoutError at once and the transaction
// is terminated on the server. The server builds one in main.ts and the loader one in its CLI; the graph store, the
// Cypher runner, the deck store and the dataset writer share it.

import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { Socket } from "node:net";
import neo4j, { type Driver, type ManagedTransaction, type ServerInfo, type Session } from "neo4j-driver";
import { StoreUnavailableError } from "../graph-store.ts";
import { howToStartNeo4j, type Neo4jConfig } from "./config.ts";
import {
  classifyNeo4jError,
  isUnavailable,
  TransactionCancelledError,
  TransactionMemoryError,
  TransactionTimeoutError,
} from "./errors.ts";
import { getQuery } from "./queries.ts";

export const APP_NAME = "statecraft";

export type AccessMode = "READ" | "WRITE";

export interface TransactionOptions {
  /**
   * Transaction timeout in ms; none by default. Neo4j ends a transaction past it when its monitor next looks (every
   * 2 s), and only where the query checks (between rows: one expression such as a reduce over a long range runs on
   * unchecked). So the client keeps a deadline too, `timeoutMs` plus a grace of DEADLINE_GRACE_MS (or of the timeout
   * itself when that is shorter, so a short timeout is not stretched many times over) after the transaction started:
   * past it the call rejects with TransactionTimeoutError, closes the session and terminates the transaction.
   */
  timeoutMs?: number;
  /** Ends the transaction (on the server too) and rejects with TransactionCancelledError when it aborts. */
  signal?: AbortSignal;
  /** A session the caller holds (and closes) itself, e.g. to run several transactions; else one of its own. */
  session?: Session;
}

/** How long past its timeout a transaction may run before the client gives up on Neo4j ending it. */
export const DEADLINE_GRACE_MS = 500;

/**
 * What every transaction carries, so `SHOW TRANSACTIONS` on the server tells who runs what; `key` names this one
 * transaction, for terminating it.
 */
export function txConfig(
  purpose: string,
  timeoutMs?: number,
  key?: string,
): { metadata: Record<string, string>; timeout?: number } {
  return {
    metadata: { app: APP_NAME, purpose, ...(key ? { key } : {}) },
    ...(timeoutMs ? { timeout: timeoutMs } : {}),
  };
}

/** Set while a client runs driver code, so the socket hook below touches the driver's own sockets and no others. */
const driverScope = new AsyncLocalStorage<true>();
let noDelayHooked = false;

/**
 * Nagle's algorithm off on the driver's sockets. In a managed transaction the driver writes BEGIN, then RUN and PULL,
 * as small packets before the first answer; with Nagle on, the second write waits for the ACK of the first, which
 * the server delays by up to 40 ms (measured on loopback: a path query through the store took a median of 62 ms with
 * Nagle, 10 ms without). The driver offers no socket option but calls setKeepAlive(true) on each new socket, plain
 * or TLS, inside the call that opened the connection; the hook acts only when that call runs in `driverScope`.
 */
function hookNoDelay(): void {
  if (noDelayHooked) return;
  noDelayHooked = true;
  const setKeepAlive = Socket.prototype.setKeepAlive;
  Socket.prototype.setKeepAlive = function (this: Socket, ...args: Parameters<Socket["setKeepAlive"]>) {
    if (driverScope.getStore()) this.setNoDelay(true);
    return setKeepAlive.apply(this, args);
  };
}

export class Neo4jClient {
  constructor(
    readonly config: Neo4jConfig,
    private readonly driver: Driver,
  ) {}

  /**
   * A client for another database of the same server, on the same driver (one connection pool): the app store's
   * database (STATECRAFT_APP_DATABASE). Close only the client createNeo4jClient built; this one shares its driver.
   */
  withDatabase(database: string): Neo4jClient {
    return new Neo4jClient({ ...this.config, database }, this.driver);
  }

  /** The error for an unreachable database, saying how to start one. */
  unavailable(): StoreUnavailableError {
    return new StoreUnavailableError(howToStartNeo4j(this.config.uri));
  }

  /**
   * A session for a caller that needs one across several transactions; it must close it. `fetchSize`: records pulled
   * per batch (the driver pulls 1,000), for a caller that may stop early and must not hold more.
   */
  openSession(mode: AccessMode, fetchSize?: number): Session {
    return this.driver.session({
      database: this.config.database || undefined,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(fetchSize === undefined ? {} : { fetchSize }),
    });
  }

  /** A read transaction (on a cluster, routed to a secondary). */
  read<T>(purpose: string, work: (tx: ManagedTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.run("READ", purpose, work, options);
  }

  /** A write transaction (retried by the driver on transient errors such as deadlocks). */
  write<T>(
    purpose: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    return this.run("WRITE", purpose, work, options);
  }

  /**
   * Connects and asks the server who it is. Failures are the driver's own errors (classify them with errors.ts),
   * so a caller such as the loader can show the driver's reason next to its own advice.
   */
  serverInfo(): Promise<ServerInfo> {
    return driverScope.run(true, () => this.driver.getServerInfo({ database: this.config.database || undefined }));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(
    mode: AccessMode,
    purpose: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    const session = options.session ?? this.openSession(mode);
    let unreachable = false;
    try {
      return await driverScope.run(true, () => this.guarded(session, mode, purpose, work, options));
    } catch (error) {
      unreachable = error instanceof StoreUnavailableError;
      throw error;
    } finally {
      if (!options.session) {
        const closing = session.close().catch(() => {});
        // Closing may wait on a connection attempt that is itself about to time out: do not wait for it then.
        if (!unreachable) await closing;
      }
    }
  }

  /**
   * Terminates the transactions tagged with `key` on the server (cypher/queries/client-terminate-transaction.cypher),
   * in a session of its own. Best effort: a database that cannot be reached has nothing left running to end.
   */
  private async terminate(key: string): Promise<void> {
    const session = this.openSession("WRITE");
    try {
      await driverScope.run(true, () =>
        session.run(getQuery("client-terminate-transaction"), { key }, txConfig("terminate", 5000)),
      );
    } catch {
      // Nothing to do: the transaction ends with its session or with Neo4j's own timeout.
    } finally {
      await session.close().catch(() => {});
    }
  }

  /**
   * The driver retries an unreachable database for up to 30 s; a call must fail within the connection timeout
   * instead, so a watchdog gives up (closing the session, which also stops the driver's pending retries) when no
   * transaction has started by then, and an unreachable database met inside the work is reported at once rather
   * than retried. Once the transaction has started, the deadline (see TransactionOptions.timeoutMs) and the signal
   * end it the same way and terminate it on the server by its key. A memory error is reported as
   * TransactionMemoryError, which the driver does not retry.
   */
  private async guarded<T>(
    session: Session,
    mode: AccessMode,
    purpose: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    const { timeoutMs, signal } = options;
    const key = randomUUID();
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let ended: Error | undefined;
    let endNow: (error: Error) => void = () => {};
    const giveUp = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => {
        void session.close().catch(() => {});
        reject(this.unavailable());
      }, this.config.connectionTimeoutMs);
      endNow = (error) => {
        if (ended) return;
        ended = error;
        reject(error);
        void session.close().catch(() => {});
        void this.terminate(key);
      };
    });
    const onAbort = () => endNow(new TransactionCancelledError(purpose));
    if (signal?.aborted) throw new TransactionCancelledError(purpose);
    signal?.addEventListener("abort", onAbort, { once: true });
    const wrapped = async (tx: ManagedTransaction) => {
      clearTimeout(watchdog);
      // The clock starts with the first attempt, so an unreachable database still answers StoreUnavailableError.
      if (timeoutMs && !deadline) {
        deadline = setTimeout(
          () => endNow(new TransactionTimeoutError(purpose, timeoutMs)),
          timeoutMs + Math.min(DEADLINE_GRACE_MS, timeoutMs),
        );
      }
      try {
        return await work(tx);
      } catch (error) {
        if (isUnavailable(error)) throw this.unavailable();
        if (classifyNeo4jError(error) === "memory" && !(error instanceof TransactionMemoryError)) {
          throw new TransactionMemoryError(purpose, String((error as { code?: unknown }).code));
        }
        throw error;
      }
    };
    const config = txConfig(purpose, timeoutMs, key);
    try {
      return await Promise.race([
        mode === "READ" ? session.executeRead(wrapped, config) : session.executeWrite(wrapped, config),
        giveUp,
      ]);
    } catch (error) {
      // What the session says once it was closed under it (terminated, closed) is not the reason: the deadline is.
      if (ended) throw ended;
      if (isUnavailable(error)) throw this.unavailable();
      throw error;
    } finally {
      clearTimeout(watchdog);
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

/**
 * The one place a driver is built. Does not contact the database: a server started before Neo4j answers 503 until
 * Neo4j is up, then works without a restart (the driver reconnects by itself).
 */
export function createNeo4jClient(config: Neo4jConfig): Neo4jClient {
  hookNoDelay();
  // No password: no auth token at all, for a server with auth disabled (the test launcher).
  const auth = config.password ? neo4j.auth.basic(config.username, config.password) : undefined;
  const driver = neo4j.driver(config.uri, auth, {
    userAgent: `${APP_NAME}/0.1`,
    connectionTimeout: config.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.connectionTimeoutMs * 5,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
  });
  return new Neo4jClient(config, driver);
}
