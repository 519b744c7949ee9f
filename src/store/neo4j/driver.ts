// The one place a Neo4j driver is built, and the session and transaction settings every query uses.

import { Socket } from "node:net";
import neo4j, { type Driver, type Session } from "neo4j-driver";
import type { Neo4jConfig } from "./config.ts";

export const APP_NAME = "statecraft";

let noDelayInstalled = false;

/**
 * Turns off Nagle's algorithm on the driver's sockets. In a managed transaction the driver writes BEGIN, then RUN
 * and PULL, as separate small packets before the first answer; with Nagle on, the second write waits for the ACK
 * of the first, which the server delays by up to 40 ms: every read paid ~45 ms on loopback (measured: a path query
 * through the store took a median of 62 ms with Nagle, 10 ms without). The driver configures each socket with
 * setKeepAlive(true) and offers no socket option, so the hook goes there; setting noDelay on any other socket that
 * asks for keep-alive is harmless (Node's HTTP sockets already set it).
 */
function installNoDelay(): void {
  if (noDelayInstalled) return;
  noDelayInstalled = true;
  const setKeepAlive = Socket.prototype.setKeepAlive;
  Socket.prototype.setKeepAlive = function (this: Socket, ...args: Parameters<Socket["setKeepAlive"]>) {
    this.setNoDelay(true);
    return setKeepAlive.apply(this, args);
  };
}

export function createDriver(config: Neo4jConfig): Driver {
  installNoDelay();
  // No password: no auth token at all, for a server with auth disabled (the test launcher).
  const auth = config.password ? neo4j.auth.basic(config.username, config.password) : undefined;
  return neo4j.driver(config.uri, auth, {
    userAgent: `${APP_NAME}/0.1`,
    connectionTimeout: config.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.connectionTimeoutMs * 5,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
  });
}

export function openSession(driver: Driver, config: Neo4jConfig, mode: "READ" | "WRITE"): Session {
  return driver.session({
    database: config.database || undefined,
    defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
  });
}

/** Tags every transaction with the app and the purpose, so `SHOW TRANSACTIONS` tells who runs what. */
export interface TxConfig {
  metadata: Record<string, string>;
  timeout?: number;
}

export function txConfig(purpose: string, timeoutMs?: number): TxConfig {
  return { metadata: { app: APP_NAME, purpose }, ...(timeoutMs ? { timeout: timeoutMs } : {}) };
}
