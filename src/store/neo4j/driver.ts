// The one place a Neo4j driver is built, and the session and transaction settings every query uses.

import neo4j, { type Driver, type Session } from "neo4j-driver";
import type { Neo4jConfig } from "./config.ts";

export const APP_NAME = "statecraft";

export function createDriver(config: Neo4jConfig): Driver {
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
