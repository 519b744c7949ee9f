// Starts the Statecraft server. Everything the server needs is built here and handed to createApp: the embedded
// store read from data/ when NEO4J_URI is unset; with Neo4j, one Neo4jClient shared by the graph store, the deck
// store and the Cypher runner.

import { resolveServerConfig, ServerConfigError, type ServerConfig } from "./config.ts";
import { createApp, type AppParts } from "./app.ts";
import { InvalidConfigError } from "../store/neo4j/config.ts";
import { InvalidInputError } from "../ingest/errors.ts";

interface Built {
  parts: AppParts;
  close(): Promise<void>;
}

async function buildNeo4jParts(config: NonNullable<ServerConfig["neo4j"]>): Promise<Built> {
  const [{ createNeo4jClient }, { Neo4jStore }, { Neo4jDeckStore }, { Neo4jCypherRunner }] = await Promise.all([
    import("../store/neo4j/client.ts"),
    import("../store/neo4j/neo4j-store.ts"),
    import("../store/neo4j/neo4j-deck-store.ts"),
    import("../store/neo4j/cypher-runner.ts"),
  ]);
  const client = createNeo4jClient(config);
  return {
    parts: { graph: new Neo4jStore(client), decks: new Neo4jDeckStore(client), cypher: new Neo4jCypherRunner(client) },
    close: () => client.close(),
  };
}

async function buildEmbeddedParts(config: ServerConfig): Promise<Built> {
  const [{ readDatasets }, { createMemoryStore }, { FileDeckStore }] = await Promise.all([
    import("../ingest/dataset-reader.ts"),
    import("../store/memory/memory-store.ts"),
    import("../store/memory/file-deck-store.ts"),
  ]);
  const graph = createMemoryStore(await readDatasets(config.dataPaths));
  return { parts: { graph, decks: new FileDeckStore(config.decksDir) }, close: async () => {} };
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
  let built: Built;
  try {
    built = config.neo4j ? await buildNeo4jParts(config.neo4j) : await buildEmbeddedParts(config);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const app = createApp(built.parts, config);
  const shutdown = async () => {
    await app.close();
    await built.close();
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
