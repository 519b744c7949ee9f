// The HTTP API over a GraphStore, and the built web app at `/` (web-app.ts). Routes are listed in README.md; each
// declares its query, params and body as zod schemas (model/api-requests.ts), so every input is checked (400 naming
// the field, validation.ts); unknown ids are 404, an unreachable database is 503, Cypher on the embedded store is 501,
// a client past its rate limit 429 and a server whose event loop lags 503 (load-limits.ts).

import Fastify, { LogController, type FastifyInstance, type FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as s from "../model/api-requests.ts";
import { registerRequestLog } from "./request-log.ts";
import { createCoder, type Coder } from "../extract/index.ts";
import { EXCHANGE_MIME, exchangeEdgeOf, exchangeNodeOf, writeExchange } from "../model/graph-exchange.ts";
import { CYPHER_UNSUPPORTED_MESSAGE, CypherUnsupportedError, type CypherRunner } from "../store/cypher-runner.ts";
import type { DatasetSink } from "../store/dataset-sink.ts";
import type { DeckStore } from "../store/deck-store.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { loadKnownEntities } from "../store/known-entities.ts";
import { registerAccess } from "./access.ts";
import type { ServerConfig } from "./config.ts";
import { ANSWER_UNDER_PRESSURE, registerLoadLimits } from "./load-limits.ts";
import { loadQueryLibrary } from "./query-library.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { zodValidatorCompiler } from "./validation.ts";
import { registerWebApp } from "./web-app.ts";

interface ErrorBody {
  error: { status: number; message: string; field?: string; rule?: string; code?: string; position?: unknown };
}

/** Errors are recognised by their `name` (typed errors from the stores), never by message text. */
const STATUS_BY_NAME: Record<string, number> = {
  BadRequestError: 400,
  DatasetRejectedError: 400,
  CypherQueryError: 400,
  CypherRefusedError: 403,
  CypherTimeoutError: 504,
  CypherCancelledError: 499,
  CypherUnsupportedError: 501,
  StoreUnavailableError: 503,
  StoreTimeoutError: 504,
  RateLimitedError: 429,
  OverloadedError: 503,
};

/** The requested ids no record answered, each once, in request order. */
function missingIds(ids: readonly string[], found: readonly { id: string }[]): string[] {
  const have = new Set(found.map((r) => r.id));
  return [...new Set(ids)].filter((id) => !have.has(id));
}

function sendError(reply: FastifyReply, status: number, message: string, extra: Partial<ErrorBody["error"]> = {}) {
  return reply.code(status).send({ error: { status, message, ...extra } } satisfies ErrorBody);
}

/** What the app serves, built by main.ts (or a test); the app closes none of it. */
export interface AppParts {
  graph: GraphStore;
  decks: DeckStore;
  /** Users' own Cypher; without it POST /api/cypher answers 501 (the embedded store). */
  cypher?: CypherRunner;
  /** Where claims accepted from reports are written (POST /api/reports/accept); without it that route answers 501. */
  datasets?: DatasetSink;
}

export function createApp(parts: AppParts, config: ServerConfig): FastifyInstance {
  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    // Each request is logged at debug by registerRequestLog, with a summary a minute at info.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  registerRequestLog(app);
  // Zod schemas in, typed values out: the parsed query replaces the raw one, with defaults filled in.
  app.setValidatorCompiler(zodValidatorCompiler);

  app.setErrorHandler(
    (
      error: Error & { field?: string; rule?: string; code?: string; position?: unknown; statusCode?: number },
      request,
      reply,
    ) => {
      const status =
        STATUS_BY_NAME[error.name] ?? (error.statusCode && error.statusCode < 500 ? error.statusCode : 500);
      if (status >= 500 && status !== 503 && status !== 501 && status !== 504) request.log.error(error);
      const extra: Partial<ErrorBody["error"]> = {};
      if (error.field) extra.field = error.field;
      if (error.rule) extra.rule = error.rule;
      if (typeof error.code === "string" && error.name.startsWith("Cypher")) extra.code = error.code;
      if (error.position) extra.position = error.position;
      const message = status === 500 ? "statecraft/server: internal error (see the server log)" : error.message;
      return sendError(reply, status, message, extra);
    },
  );

  // Host header, editor and reader tokens (access.ts): before every route, so a new write route is guarded too. Routes
  // that read through POST say so with `config: READ`.
  registerAccess(app, config);
  registerSecurityHeaders(app);
  // Rate limits attach to routes as they are declared, so the API's routes come in a plugin registered after them.
  registerLoadLimits(app, config);
  app.register(async (scope) => registerApiRoutes(scope, parts, config));

  registerWebApp(app, {
    root: config.webRoot,
    apiNotFound: (request, reply) =>
      sendError(reply, 404, `no API route ${request.method} ${request.url.split("?")[0]}`),
  });

  return app;
}

/** The /api routes: each declares its input as zod schemas and answers from the parts main.ts built. */
function registerApiRoutes(scope: FastifyInstance, parts: AppParts, config: ServerConfig): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const store = parts.graph;
  const READ = { access: "read" } as const;

  const notFound = (reply: FastifyReply, what: string, id: string) =>
    sendError(reply, 404, `no ${what} with id "${id}"`, { field: "id" });

  app.get("/api/health", { config: ANSWER_UNDER_PRESSURE }, async () => store.health());

  app.get("/api/summary", async () => store.summary());

  // ?format=gexf|graphml answers the same graph as a file Gephi opens (kinds, types, stances, confidence, dates).
  app.get("/api/graph", { schema: { querystring: s.graphExportQuery } }, async (request, reply) => {
    const { format, ...filter } = request.query;
    const graph = await store.graph(filter);
    if (format === "json") return graph;
    const text = writeExchange(format, graph.entities.map(exchangeNodeOf), graph.relations.map(exchangeEdgeOf));
    return reply
      .type(`${EXCHANGE_MIME[format]}; charset=utf-8`)
      .header("content-disposition", `attachment; filename="statecraft.${format}"`)
      .send(text);
  });

  app.get("/api/changes", { schema: { querystring: s.changesQuery } }, async (request) => store.changes(request.query));

  app.get("/api/search", { schema: { querystring: s.searchQuery } }, async (request) => ({
    hits: await store.search(request.query.q, request.query.limit),
  }));

  app.get("/api/entities/:id", { schema: { params: s.recordIdParams } }, async (request, reply) => {
    const { id } = request.params;
    const entity = await store.entity(id);
    return entity ?? notFound(reply, "entity", id);
  });

  app.get("/api/relations/:id", { schema: { params: s.recordIdParams } }, async (request, reply) => {
    const { id } = request.params;
    const relation = await store.relation(id);
    return relation ?? notFound(reply, "relation", id);
  });

  // Batch reads: one query for up to BATCH_MAX_IDS ids (a briefing capture, the console's result nodes). The colon
  // is doubled because Fastify reads a single one as the start of a path parameter.
  app.post("/api/entities::batch", { config: READ, schema: { body: s.batchRequest } }, async (request) => {
    const { ids } = request.body;
    const entities = await store.entities(ids);
    return { entities, missing: missingIds(ids, entities) };
  });

  app.post("/api/relations::batch", { config: READ, schema: { body: s.batchRequest } }, async (request) => {
    const { ids } = request.body;
    const relations = await store.relations(ids);
    return { relations, missing: missingIds(ids, relations) };
  });

  app.get(
    "/api/entities/:id/neighbours",
    { schema: { params: s.recordIdParams, querystring: s.neighboursQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await store.neighbours(id, request.query);
      return result ?? notFound(reply, "entity", id);
    },
  );

  app.get("/api/paths", { schema: { querystring: s.pathsQuery } }, async (request, reply) => {
    const { from, to, ...options } = request.query;
    const search = await store.paths(from, to, options);
    if (!search) {
      // Which end is unknown: one id lookup, not the entity's whole detail.
      const missing = (await store.entities([from])).length > 0 ? to : from;
      return sendError(reply, 404, `no entity with id "${missing}"`, { field: missing === from ? "from" : "to" });
    }
    return search;
  });

  // The console only reads (the guard refuses writes), so the reader's token is enough.
  const cypherSchema = { body: s.cypherRequestFor(config.cypherMaxQueryBytes) };
  app.post("/api/cypher", { config: READ, schema: cypherSchema }, async (request) => {
    const { query, params } = request.body;
    // Before the close listener below, which only the finally block removes (a keep-alive socket gathered them).
    if (!parts.cypher) throw new CypherUnsupportedError(CYPHER_UNSUPPORTED_MESSAGE);
    // A browser that goes away (or cancels) closes the connection: end the transaction on the server too.
    const controller = new AbortController();
    const onClose = () => {
      if (!request.raw.complete || !request.raw.socket?.writable) controller.abort();
    };
    request.raw.socket?.once("close", onClose);
    try {
      return await parts.cypher.run(query, params, {
        signal: controller.signal,
        timeoutMs: config.cypherTimeoutMs,
        maxRows: config.cypherMaxRows,
        maxBytes: config.cypherMaxBytes,
      });
    } finally {
      request.raw.socket?.off("close", onClose);
    }
  });

  // The report coder proposes claims and writes nothing, so the reader's token is enough. Actors resolve against the
  // store's entities as they are now, so an entity added a moment ago is recognised in the next report.
  // Building the coder's name index costs far more than reading the entities, so it is kept while they stay the same.
  let coder: { signature: string; coder: Coder } | undefined;
  app.post("/api/extract", { config: READ, schema: { body: s.extractRequest } }, async (request) => {
    const { text, published, sourceUrl, title } = request.body;
    const entities = await loadKnownEntities(store);
    const signature = JSON.stringify(entities);
    if (coder?.signature !== signature) coder = { signature, coder: createCoder(entities) };
    return coder.coder.extract(text, { published, sourceUrl, title });
  });

  app.get("/api/queries", async () => ({ queries: await loadQueryLibrary() }));

  app.register(import("./deck-routes.ts"), { decks: parts.decks });
  app.register(import("./report-routes.ts"), { graph: store, datasets: parts.datasets });
  app.register(import("./view-routes.ts"), { decks: parts.decks });
}
