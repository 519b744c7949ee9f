// The briefing deck routes, a Fastify plugin registered by app.ts: GET /api/decks (summaries, newest first),
// GET /api/decks/:id, PUT /api/decks/:id (create or replace; the body is a deck, declared with the zod schema of
// model/deck.ts, and a bad one is a 400 naming the path of the bad field), DELETE /api/decks/:id. Decks are kept by
// the DeckStore that main.ts built: the app store (files in STATECRAFT_DECKS, or the Neo4j database
// STATECRAFT_APP_DATABASE names).

import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { deckBody, deckIdParams } from "../model/api-requests.ts";
import type { Deck } from "../model/deck.ts";
import type { DeckStore } from "../store/deck-store.ts";
import { BadRequestError } from "./validation.ts";

/** Decks carry frozen copies of their scenes' data: far more than the API's 1 MB default body. */
export const DECK_BODY_LIMIT = 32 * 1_048_576;

export interface DeckRoutesOptions {
  decks: DeckStore;
}

function sendStoredDeckError(reply: FastifyReply, error: unknown): FastifyReply | undefined {
  if (!(error instanceof Error) || error.name !== "StoredDeckError") return undefined;
  return reply.code(500).send({ error: { status: 500, message: error.message } });
}

/** A body that is not JSON is a 400 naming the body (Fastify's own parser says nothing about a field). */
export function acceptJsonBodies(instance: FastifyInstance, bodyLimit: number): void {
  instance.removeContentTypeParser("application/json");
  instance.addContentTypeParser("application/json", { parseAs: "string", bodyLimit }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (error) {
      done(new BadRequestError("body", `not valid JSON (${error instanceof Error ? error.message : String(error)})`));
    }
  });
}

export async function deckRoutes(instance: FastifyInstance, options: DeckRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const decks = options.decks;

  acceptJsonBodies(instance, DECK_BODY_LIMIT);

  const notFound = (reply: FastifyReply, id: string) =>
    reply.code(404).send({ error: { status: 404, message: `no deck with id "${id}"`, field: "id" } });

  app.get("/api/decks", async (_request, reply) => {
    try {
      return { store: decks.kind, decks: await decks.list() };
    } catch (error) {
      return sendStoredDeckError(reply, error) ?? Promise.reject(error);
    }
  });

  app.get("/api/decks/:id", { schema: { params: deckIdParams } }, async (request, reply) => {
    const { id } = request.params;
    try {
      return (await decks.get(id)) ?? notFound(reply, id);
    } catch (error) {
      return sendStoredDeckError(reply, error) ?? Promise.reject(error);
    }
  });

  app.put(
    "/api/decks/:id",
    { bodyLimit: DECK_BODY_LIMIT, schema: { params: deckIdParams, body: deckBody } },
    async (request, reply) => {
      const { id } = request.params;
      if (request.body.id !== id)
        throw new BadRequestError("id", `the deck's id "${request.body.id}" differs from the id in the URL "${id}"`);
      const deck: Deck = { ...request.body, updatedAt: new Date().toISOString() };
      const { created } = await decks.put(deck);
      return reply.code(created ? 201 : 200).send(deck);
    },
  );

  app.delete("/api/decks/:id", { schema: { params: deckIdParams } }, async (request, reply) => {
    const { id } = request.params;
    return (await decks.delete(id)) ? reply.code(204).send() : notFound(reply, id);
  });
}

export default deckRoutes;
