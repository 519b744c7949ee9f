// Starts the Statecraft server. Everything the server needs is built here and handed to createApp: the embedded
// store read from data/ when NEO4J_URI is unset; with Neo4j, one Neo4jClient shared by the graph store, the Cypher
// runner and (with STATECRAFT_APP_DATABASE) the deck store. Decks live in the app store, never in the graph database.

import { resolveServerConfig, ServerConfigError, type ServerConfig } from "./config.ts";
import { accessWarnings } from "./access.ts";
import { createApp, type AppParts } from "./app.ts";
import { InvalidConfigError } from "../store/neo4j/config.ts";
import { InvalidInputError } from "../ingest/errors.ts";
import { BadRowLimitError } from "../ingest/bad-rows.ts";

interface Log {
  info(message: string): void;
  warn(message: string): void;
}

interface Built {
  parts: AppParts;
  /** Background work once the server listens (with Neo4j: moving old decks out of the graph, retried until done). */
  start?(log: Log): void;
  close(): Promise<void>;
}

/** First wait before retrying the deck move when Neo4j was not reachable at start; doubles up to ten times this. */
const DECK_MOVE_RETRY_MS = 5_000;

async function buildNeo4jParts(config: ServerConfig, neo4jConfig: NonNullable<ServerConfig["neo4j"]>): Promise<Built> {
  const [
    { createNeo4jClient },
    { Neo4jStore },
    { Neo4jDeckStore },
    { Neo4jCypherRunner },
    { FileDeckStore },
    migration,
    { Neo4jDatasetSink },
    { readDatasetTexts },
  ] = await Promise.all([
    import("../store/neo4j/client.ts"),
    import("../store/neo4j/neo4j-store.ts"),
    import("../store/neo4j/neo4j-deck-store.ts"),
    import("../store/neo4j/cypher-runner.ts"),
    import("../store/memory/file-deck-store.ts"),
    import("../store/neo4j/deck-migration.ts"),
    import("../store/neo4j/neo4j-dataset-sink.ts"),
    import("../ingest/dataset-reader.ts"),
  ]);
  const client = createNeo4jClient(neo4jConfig);
  // The app store never shares the database the Cypher console reads (config.ts refuses the graph's own name).
  const decks = config.appDatabase
    ? new Neo4jDeckStore(client.withDatabase(config.appDatabase))
    : new FileDeckStore(config.decksDir);
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const moveDecks = (log: Log, delayMs = DECK_MOVE_RETRY_MS): void => {
    migration.moveDecksOutOfGraph(client, decks).then(
      (report) => {
        if (report.moved.length + report.superseded.length > 0)
          log.info(
            `statecraft/decks: moved ${report.moved.length} deck(s) out of the graph database into the app store ` +
              `(${decks.kind === "file" ? config.decksDir : `database ${config.appDatabase}`}); ` +
              `${report.superseded.length} already there in a newer version`,
          );
        for (const { id, reason } of report.invalid)
          log.warn(
            `statecraft/decks: the deck "${id}" stays in the graph database as a :StatecraftDeck node, where the ` +
              `Cypher console can read it: ${reason}. Fix its JSON or delete the node (with cypher-shell or Neo4j ` +
              "Browser); the next start moves what is left.",
          );
      },
      (error: unknown) => {
        if (stopped) return;
        log.warn(`statecraft/decks: could not yet move decks out of the graph database (${String(error)}); retrying`);
        retry = setTimeout(() => moveDecks(log, Math.min(delayMs * 2, 10 * DECK_MOVE_RETRY_MS)), delayMs);
      },
    );
  };
  return {
    parts: {
      graph: new Neo4jStore(client, { timeoutMs: config.storeTimeoutMs }),
      decks,
      cypher: new Neo4jCypherRunner(client),
      datasets: new Neo4jDatasetSink(client, readDatasetTexts),
    },
    start: (log) => moveDecks(log),
    close: async () => {
      stopped = true;
      clearTimeout(retry);
      await client.close();
    },
  };
}

async function buildEmbeddedParts(config: ServerConfig): Promise<Built> {
  const [
    { readFeeds, loadableDatasets },
    { readDatasetTexts, listDatasetFiles },
    { createMemoryStore },
    { FileDeckStore },
    sink,
  ] = await Promise.all([
    import("../ingest/feeds.ts"),
    import("../ingest/dataset-reader.ts"),
    import("../store/memory/memory-store.ts"),
    import("../store/memory/file-deck-store.ts"),
    import("../store/memory/dataset-file-sink.ts"),
  ]);
  // The same readers and mapping as `npm run load`: curated YAML, GDELT files (merged by event id) and other feeds.
  const reads = await readFeeds(config.dataPaths);
  const graph = createMemoryStore(loadableDatasets(reads.map((r) => r.dataset)), { timeoutMs: config.storeTimeoutMs });
  // Accepted report claims go to a dataset file under the data folder, and the store reloads from the files. Feeds
  // are not written to: they are read once, and given again with the curated files at each reload.
  const feeds = reads.filter((r) => r.format !== "yaml").map((r) => r.dataset);
  const feedFiles = new Set(feeds.map((d) => d.file));
  const datasets = new sink.FileDatasetSink({
    paths: config.dataPaths.filter((p) => !feedFiles.has(p)),
    listFiles: listDatasetFiles,
    validate: (texts) => loadableDatasets([...readDatasetTexts(texts), ...feeds]),
    store: graph,
  });
  return { parts: { graph, decks: new FileDeckStore(config.decksDir), datasets }, close: async () => {} };
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
    built = config.neo4j ? await buildNeo4jParts(config, config.neo4j) : await buildEmbeddedParts(config);
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof BadRowLimitError) {
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
  for (const warning of accessWarnings(config)) app.log.warn(warning);
  built.start?.({ info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) });
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
