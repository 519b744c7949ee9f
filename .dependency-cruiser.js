// The one-way import rule of the architecture, checked by dependency-cruiser in `npm run lint`:
// model <- ingest, store <- server, cli; model <- web; only src/store/neo4j talks to neo4j-driver; no cycles between
// files or between folders. Each rule's comment is what the failing line prints (`--output-type err-long`), so it
// says what to do instead. test/unit/import-rules.test.ts shows each rule catching a wrong import.

/** Paths of the project's own folders, as dependency-cruiser sees them (relative to the repository root). */
const project = "^src/";

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "model-imports-nothing",
      comment:
        "src/model is the shared vocabulary: it imports nothing of the project. Move the code it needs into model.",
      severity: "error",
      from: { path: "^src/model/" },
      to: { path: project, pathNot: "^src/model/" },
    },
    {
      name: "model-has-no-io",
      comment: "src/model has no I/O: no node: modules. Read files in src/ingest or src/store and pass the data in.",
      severity: "error",
      from: { path: "^src/model/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "ingest-imports-model",
      comment: "src/ingest reads datasets into the model: it imports src/model only.",
      severity: "error",
      from: { path: "^src/ingest/" },
      to: { path: project, pathNot: "^src/(ingest|model)/" },
    },
    {
      name: "extract-imports-model",
      comment:
        "src/extract (the report coder) is pure: it imports src/model only; the server and the CLI hand it entities.",
      severity: "error",
      from: { path: "^src/extract/" },
      to: { path: project, pathNot: "^src/(extract|model)/" },
    },
    {
      name: "extract-has-no-io",
      comment: "src/extract has no I/O: no node: modules. Read reports and entities in src/cli or src/server.",
      severity: "error",
      from: { path: "^src/extract/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "store-imports-model",
      comment: "src/store imports src/model only; the server and the loader build stores and hand them their data.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: project, pathNot: "^src/(store|model)/" },
    },
    {
      name: "store-backends-apart",
      comment: "The memory and Neo4j stores share code through src/store/*.ts, never through each other.",
      severity: "error",
      from: { path: "^src/store/(memory|neo4j)/" },
      to: { path: "^src/store/(memory|neo4j)/", pathNot: "^src/store/$1/" },
    },
    {
      name: "store-interface-above-backends",
      comment: "src/store/*.ts (the interfaces and shared rules) knows no backend: the backends import it.",
      severity: "error",
      from: { path: "^src/store/[^/]+$" },
      to: { path: "^src/store/(memory|neo4j)/" },
    },
    {
      name: "only-store-neo4j-imports-neo4j-driver",
      comment: "Only src/store/neo4j talks to neo4j-driver: go through its Neo4jClient, stores or runner.",
      severity: "error",
      from: { path: project, pathNot: "^src/store/neo4j/" },
      to: { path: "(^|/)node_modules/neo4j-driver/|^neo4j-driver$" },
    },
    {
      name: "server-imports-store-model",
      comment:
        "src/server imports src/store, src/extract and src/model. main.ts alone may import src/ingest: it reads data/ for the embedded store.",
      severity: "error",
      from: { path: "^src/server/", pathNot: "^src/server/main\\.ts$" },
      to: { path: project, pathNot: "^src/(server|store|extract|model)/" },
    },
    {
      name: "server-main-imports-ingest-store-model",
      comment: "src/server/main.ts builds the server from src/ingest, src/store, src/extract and src/model.",
      severity: "error",
      from: { path: "^src/server/main\\.ts$" },
      to: { path: project, pathNot: "^src/(server|ingest|store|extract|model)/" },
    },
    {
      name: "cli-imports-ingest-store-model",
      comment: "The CLIs (src/cli) read with src/ingest, code reports with src/extract and write with src/store.",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: project, pathNot: "^src/(cli|ingest|store|extract|model)/" },
    },
    {
      name: "web-imports-model",
      comment: "The web app talks to the server over HTTP: of the project it imports src/model only.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: project, pathNot: "^src/(web|model)/" },
    },
    {
      name: "nothing-imports-web",
      comment: "Nothing imports the web app but the web app: move what is shared into src/model.",
      severity: "error",
      from: { path: project, pathNot: "^src/web/" },
      to: { path: "^src/web/" },
    },
    {
      name: "src-imports-src",
      comment:
        "Code in src/ imports src/ and packages only; cypher/ and data/ are read at run time (queries.ts, dataset-reader.ts).",
      severity: "error",
      from: { path: project, pathNot: "^src/web/" },
      to: { dependencyTypes: ["local"], pathNot: project },
    },
    {
      name: "web-bundles-console-queries-only",
      comment:
        "Of cypher/, the web app bundles only the console's own queries (cypher/queries/console-*.cypher, sent to the guarded POST /api/cypher).",
      severity: "error",
      from: { path: "^src/web/" },
      to: { dependencyTypes: ["local"], pathNot: "^(src/|cypher/queries/console-[^/]+\\.cypher$)" },
    },
    {
      name: "no-file-cycles",
      comment: "Files import one way: move the piece both sides need into a module that neither imports back.",
      severity: "error",
      from: { path: project },
      to: { circular: true },
    },
    {
      name: "no-folder-cycles",
      comment: "Folders import one way: move the piece both folders need to the lower one, or a folder of its own.",
      severity: "error",
      scope: "folder",
      from: { path: project },
      to: { circular: true },
    },
    {
      name: "no-unresolvable",
      comment: "An import that cannot be resolved escapes every rule above: fix the path.",
      severity: "error",
      from: { path: project },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    // Folder cycles are found from the folder metrics; without them the folder rule sees no folders.
    metrics: true,
    // The web app's stylesheets and assets are not modules of the rule set.
    exclude: { path: "\\.(css|svg|png)$" },
  },
};
