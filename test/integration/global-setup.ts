// Starts one real Neo4j (the launcher in test/neo4j) for the integration tests, or uses the server named by
// NEO4J_TEST_URI. Tests read its address with inject("neo4jUri").

import type { TestProject } from "vitest/node";
import { startNeo4j, type Neo4jInstance } from "../neo4j/harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDataDir: string;
  }
}

let instance: Neo4jInstance | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_TEST_URI) {
    project.provide("neo4jUri", process.env.NEO4J_TEST_URI);
    project.provide("neo4jDataDir", "");
    return;
  }
  instance = await startNeo4j();
  project.provide("neo4jUri", instance.uri);
  project.provide("neo4jDataDir", instance.dataDir);
}

export async function teardown(): Promise<void> {
  await instance?.stop();
}
