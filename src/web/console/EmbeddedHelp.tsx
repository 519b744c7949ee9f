// How to give the console a Neo4j to talk to, shown when the server runs on the embedded (in-memory) store.

export const NEO4J_START_COMMANDS = ["docker compose up neo4j", "npm run neo4j"] as const;
export const NEO4J_SERVE_COMMAND =
  "NEO4J_URI=bolt://127.0.0.1:7687 npm run load && NEO4J_URI=bolt://127.0.0.1:7687 npm start";

export function EmbeddedHelp() {
  return (
    <div className="console-embedded-help">
      <p>
        This server runs on the embedded in-memory store, which serves the explorer but cannot run Cypher. Start Neo4j
        in one of two ways:
      </p>
      <ul>
        {NEO4J_START_COMMANDS.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>then load the data into it and start the server on it:</p>
      <pre>
        <code>{NEO4J_SERVE_COMMAND}</code>
      </pre>
      <p className="muted">You can write and save queries here meanwhile; they run once the server uses Neo4j.</p>
    </div>
  );
}
