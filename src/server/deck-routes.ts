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

/** An app-store record that could not be read (a damaged file) is a 500 naming it; anything else is not handled here. */
export function sendStoredDeckError(reply: FastifyReply, error: unknown): FastifyReply | undefined {
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

/** The 404 of a record route, naming what was asked for ("deck", "saved view"). */
export function sendNotFound(reply: FastifyReply, noun: string, id: string): FastifyReply {
  return reply.code(404).send({ error: { status: 404, message: `no ${noun} with id "${id}"`, field: "id" } });
}

/** A record as a PUT stores it: its id must be the URL's, and it is stamped with the time of the write. */
export function stampedForPut<T extends { id: string }>(
  body: T,
  urlId: string,
  noun: string,
): T & { updatedAt: string } {
  if (body.id !== urlId)
    throw new BadRequestError("id", `the ${noun}'s id "${body.id}" differs from the id in the URL "${urlId}"`);
  return { ...body, updatedAt: new Date().toISOString() };
}

export async function deckRoutes(instance: FastifyInstance, options: DeckRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const decks = options.decks;

  acceptJsonBodies(instance, DECK_BODY_LIMIT);

  const notFound = (reply: FastifyReply, id: string) => sendNotFound(reply, "deck", id);

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
      const deck: Deck = stampedForPut(request.body, request.params.id, "deck");
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
