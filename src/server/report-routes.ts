// The write path of reviewed report claims, a Fastify plugin registered by app.ts: POST /api/reports/accept takes
// the claims the analyst accepted, the new entities they need, the report (it becomes the claims' Source) and the
// dataset to add them to (default `reports`). The body is checked by model/report-accept.ts (the dataset file's
// rules: relation types with a did-you-mean, ids, dates, confidence); then every claim's ends must name an entity of
// the store or of the request, a new entity must not take an id the store gives another dataset's entity, and a
// relation id must not belong to another dataset. A failed check is a 400 naming the field; the DatasetSink checks
// the whole dataset again with the loader's rules and writes it (a dataset file, or Neo4j). It is a write: access.ts
// asks for the editor token.

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { acceptRequestSchema, additionsOf, type AcceptAnswer, type AcceptRequest } from "../model/report-accept.ts";
import type { DatasetSink } from "../store/dataset-sink.ts";
import { suggest } from "../model/suggest.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { BadRequestError } from "./validation.ts";

export interface ReportRoutesOptions {
  graph: GraphStore;
  /** Where accepted claims are written; without one the route answers 501. */
  datasets?: DatasetSink;
}

/** A report's claims with their sentences: more than the API's 1 MB default body is never needed. */
const ACCEPT_BODY_LIMIT = 2 * 1_048_576;

/**
 * Ids of entities whose names are near an unknown id, for the loader's did-you-mean without reading every id: a
 * search for the id's words, and for the first three letters of each (a misspelt word still starts right).
 */
async function nearIds(graph: GraphStore, id: string): Promise<string[]> {
  const words = id.split(/[-_.]+/).filter((w) => w.length >= 3);
  const queries = [...new Set([words.join(" "), ...words.map((w) => w.slice(0, 3))])].filter(Boolean).slice(0, 4);
  const hits = await Promise.all(queries.map((q) => graph.search(q, 20)));
  return [...new Set(hits.flat().map((h) => h.entity.id))];
}

/** Throws the 400 for the first claim end or new entity that does not fit what the store holds. */
async function checkAgainstStore(graph: GraphStore, request: AcceptRequest, relationIds: string[]): Promise<void> {
  const seen = new Map<string, number>();
  request.entities.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined)
      throw new BadRequestError(`entities[${i}].id`, `"${e.id}" is given twice (first as entities[${first}])`);
    seen.set(e.id, i);
  });
  const ends = request.claims.flatMap((c) => [c.from, c.to]);
  const stored = new Map(
    (await graph.entities([...new Set([...ends, ...seen.keys()])])).map((e) => [e.id, e] as const),
  );
  request.entities.forEach((e, i) => {
    const there = stored.get(e.id);
    if (there && !there.datasets.includes(request.dataset))
      throw new BadRequestError(
        `entities[${i}].id`,
        `"${e.id}" already names ${there.name} (${there.kind}) of dataset ${there.datasets.join(", ")}: use it as ` +
          "the claim's end instead of a new entity, or give the new one another id",
      );
  });
  for (const [i, c] of request.claims.entries()) {
    for (const end of ["from", "to"] as const) {
      if (stored.has(c[end]) || seen.has(c[end])) continue;
      const hint = suggest(c[end], [...(await nearIds(graph, c[end])), ...seen.keys()]);
      throw new BadRequestError(
        `claims[${i}].${end}`,
        `names no entity "${c[end]}"${hint ? ` (did you mean ${hint}?)` : ""}: pick one the store holds (search) ` +
          "or add it to entities",
      );
    }
  }
  const taken = (await graph.relations(relationIds)).filter((r) => r.dataset !== request.dataset);
  if (taken.length > 0) {
    const i = relationIds.indexOf(taken[0]!.id);
    throw new BadRequestError(
      `claims[${i}]`,
      `the relation "${taken[0]!.id}" is already in dataset ${taken[0]!.dataset}: accept this report into that ` +
        "dataset, or leave the claim out",
    );
  }
}

export async function reportRoutes(instance: FastifyInstance, options: ReportRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { graph, datasets } = options;

  app.post(
    "/api/reports/accept",
    { bodyLimit: ACCEPT_BODY_LIMIT, schema: { body: acceptRequestSchema } },
    async (request, reply) => {
      if (!datasets)
        return reply.code(501).send({
          error: {
            status: 501,
            message: "statecraft/reports: this server was built without a place to write datasets",
          },
        });
      const body = request.body;
      const additions = additionsOf(body);
      await checkAgainstStore(
        graph,
        body,
        additions.relations.map((r) => r.id),
      );
      const { file } = await datasets.add(additions);
      const answer: AcceptAnswer = {
        dataset: body.dataset,
        store: datasets.kind,
        source: additions.sources[0]!.id,
        entities: additions.entities.map((e) => e.id),
        relations: additions.relations.map((r) => r.id),
      };
      if (file !== undefined) answer.file = file;
      return reply.code(201).send(answer);
    },
  );
}

export default reportRoutes;
