// Types for @neo4j-cypher/codemirror: the package ships them (src/codemirror.d.ts) but its package.json "exports"
// hides them from TypeScript's bundler resolution, so they are re-exported here under the package's name.

declare module "@neo4j-cypher/codemirror" {
  export * from "@neo4j-cypher/codemirror/src/codemirror.d.ts";
}
