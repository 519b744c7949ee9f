// Starts the Statecraft server: the embedded store from data/ when NEO4J_URI is unset, Neo4j when it is set.

import { resolveServerConfig, ServerConfigError, type ServerConfig } from "./config.ts";
import { createApp } from "./app.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { InvalidConfigError } from "../store/neo4j/config.ts";
import { InvalidInputError } from "../ingest/errors.ts";

async function createStore(config: ServerConfig): Promise<GraphStore> {
  if (config.neo4j) {
    const { createNeo4jStore } = await import("../store/neo4j/neo4j-store.ts");
    return createNeo4jStore(config.neo4j);
  }
  const { loadMemoryStore } = await import("../store/memory/memory-store.ts");
  return loadMemoryStore(config.dataPaths);
}

async function main(): Promise<number> {
  let config: ServerConfig;
  try {
    config = resolveServerConfig(process.env);
  } catch (error) {
    if (error instanceof ServerConfigError || error instanceof InvalidConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  let store: GraphStore;
  try {
    store = await createStore(config);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const app = createApp(store, config);
  const shutdown = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.neo4j ? `Neo4j at ${config.neo4j.uri}` : `the embedded store (${config.dataPaths.join(", ")})`;
  console.log(`Statecraft is serving ${where} on ${address}`);
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
