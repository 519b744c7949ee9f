// How to reach Neo4j: the same environment variables Neo4j's own tools read (NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE), with defaults, validation and errors that say what to fix.

export interface Neo4jConfig {
  /** bolt://, bolt+s://, neo4j:// or neo4j+s:// (the neo4j schemes route reads to secondaries on a cluster). */
  uri: string;
  username: string;
  /** Empty means no authentication (a server started with auth disabled, such as the test launcher). */
  password: string;
  /** Empty means the server's default database. */
  database: string;
  /** How long to wait for a connection before calling the database unreachable, in ms. */
  connectionTimeoutMs: number;
}

export const DEFAULT_NEO4J_CONFIG: Neo4jConfig = {
  uri: "bolt://127.0.0.1:7687",
  username: "neo4j",
  password: "",
  database: "",
  connectionTimeoutMs: 2000,
};

export class InvalidConfigError extends Error {
  override name = "InvalidConfigError";
}

const SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];

export function validateNeo4jConfig(config: Neo4jConfig): void {
  const scheme = /^([a-z0-9+]+):\/\//.exec(config.uri)?.[1];
  if (!scheme || !SCHEMES.includes(scheme)) {
    throw new InvalidConfigError(
      `statecraft/config: NEO4J_URI "${config.uri}" must start with one of ${SCHEMES.map((s) => s + "://").join(", ")}`,
    );
  }
  if (!Number.isFinite(config.connectionTimeoutMs) || config.connectionTimeoutMs <= 0) {
    throw new InvalidConfigError(`statecraft/config: the Neo4j connection timeout must be a positive number of ms`);
  }
}

/** Reads the Neo4j settings from an environment; returns undefined when NEO4J_URI is not set. */
export function resolveNeo4jConfig(env: Record<string, string | undefined>): Neo4jConfig | undefined {
  if (!env.NEO4J_URI) return undefined;
  const config: Neo4jConfig = {
    ...DEFAULT_NEO4J_CONFIG,
    uri: env.NEO4J_URI,
    username: env.NEO4J_USERNAME ?? DEFAULT_NEO4J_CONFIG.username,
    password: env.NEO4J_PASSWORD ?? DEFAULT_NEO4J_CONFIG.password,
    database: env.NEO4J_DATABASE ?? DEFAULT_NEO4J_CONFIG.database,
  };
  validateNeo4jConfig(config);
  return config;
}

/** What to tell a user whose database cannot be reached. */
export function howToStartNeo4j(uri: string): string {
  return (
    `Neo4j is not reachable at ${uri}. Start one with \`docker compose up neo4j\`, or without Docker with ` +
    "`npm run neo4j` (Java 17 and Maven), then set NEO4J_URI (and NEO4J_USERNAME/NEO4J_PASSWORD if it needs them)."
  );
}
