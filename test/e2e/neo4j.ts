// The Neo4j the e2e tests run against: NEO4J_TEST_URI (CI starts one) or a fresh one from the test launcher,
// wiped and loaded with data/ through the real loader, with a driver for checking the database directly.

import type { Driver } from "neo4j-driver";
import { startNeo4j, type Neo4jInstance } from "../neo4j/harness.ts";
import { createTestDriver, runLoader, wipe } from "../integration/helpers.ts";

export interface LoadedNeo4j {
  uri: string;
  driver: Driver;
  stop(): Promise<void>;
}

export async function loadedNeo4j(): Promise<LoadedNeo4j> {
  let instance: Neo4jInstance | undefined;
  const uri = process.env.NEO4J_TEST_URI ?? (instance = await startNeo4j({ pagecache: "128m" })).uri;
  const driver = createTestDriver(uri);
  await wipe(driver);
  const load = await runLoader(["data"], { NEO4J_URI: uri });
  if (load.code !== 0) throw new Error(`e2e: loading data/ failed:\n${load.stdout}\n${load.stderr}`);
  return {
    uri,
    driver,
    async stop() {
      await driver.close();
      await instance?.stop();
    },
  };
}
