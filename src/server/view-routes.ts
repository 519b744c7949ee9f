// The saved-view routes, a Fastify plugin registered by app.ts: GET /api/views/:id and PUT /api/views/:id (create or
// replace; the body is a view, declared with the zod schema of model/saved-view.ts, and a bad one is a 400 naming the
// path of the bad field). A view is what a shared link names so that every reader gets the same positions and view
// state. Views are kept by the app store beside the decks (the DeckStore main.ts built), never in the graph
// database; a PUT is a write, so it needs the editor token like a deck's (access.ts).

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { viewBody, viewIdParams } from "../model/api-requests.ts";
import type { SavedView } from "../model/saved-view.ts";
import type { DeckStore } from "../store/deck-store.ts";
import { acceptJsonBodies, sendNotFound, sendStoredDeckError, stampedForPut } from "./deck-routes.ts";

/** Positions of up to ~100k entities. */
export const VIEW_BODY_LIMIT = 8 * 1_048_576;

export interface ViewRoutesOptions {
  decks: DeckStore;
}

export async function viewRoutes(instance: FastifyInstance, options: ViewRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const store = options.decks;
  acceptJsonBodies(instance, VIEW_BODY_LIMIT);

  app.get("/api/views/:id", { schema: { params: viewIdParams } }, async (request, reply) => {
    const { id } = request.params;
    try {
      return (await store.getView(id)) ?? sendNotFound(reply, "saved view", id);
    } catch (error) {
      return sendStoredDeckError(reply, error) ?? Promise.reject(error);
    }
  });

  app.put(
    "/api/views/:id",
    { bodyLimit: VIEW_BODY_LIMIT, schema: { params: viewIdParams, body: viewBody } },
    async (request, reply) => {
      const view: SavedView = stampedForPut(request.body, request.params.id, "view");
      const { created } = await store.putView(view);
      return reply.code(created ? 201 : 200).send(view);
    },
  );
}

export default viewRoutes;
