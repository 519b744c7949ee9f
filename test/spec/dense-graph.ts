// A generated graph big enough to meet the stores' caps, for the GraphStore spec: a layered graph whose shortest
// paths number exactly path-ranking.ts MAX_PATH_CANDIDATES and one more, and a star with one relation more than an
// entity's detail lists. Built in code (no file): its shape is the whole point, and it is described below.

import type { Entity, Dataset, Relation } from "../../src/model/types.ts";
import { MAX_PATH_CANDIDATES } from "../../src/store/path-ranking.ts";

/** Entities in each layer: every way through them is one shortest path, MAX_PATH_CANDIDATES in all. */
export const FIRST_LAYER = 100;
export const SECOND_LAYER = MAX_PATH_CANDIDATES / FIRST_LAYER;

/** Relations of the star's hub: one more than EntityDetail lists (model/api.ts). */
export const STAR_SIZE = 1001;

const pad = (i: number, width: number) => String(i).padStart(width, "0");
export const firstLayerId = (i: number) => `l1-${pad(i, 3)}`;
export const secondLayerId = (i: number) => `l2-${pad(i, 3)}`;
export const leafId = (i: number) => `leaf-${pad(i, 4)}`;

/**
 * top -> every l1 -> every l2 -> at-cap and over-cap, and top -> spare-1 -> spare-2 -> over-cap, all SUPPORTS with
 * confidence 1 and no date. From top, at-cap is at the end of exactly MAX_PATH_CANDIDATES shortest paths (of 3
 * relations) and over-cap of one more, whether walked along the arrows or not. With every confidence 1, rankPaths
 * orders paths by their relation ids, so the best to at-cap are those through l1-000, then l2-000, l2-001...
 * Beside them, hub -> leaf-0000 ... leaf-1000 (STAR_SIZE relations, MEMBER_OF).
 */
export function createDenseGraph(): Dataset {
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const entity = (id: string) => entities.push({ id, kind: "Organization", name: id.toUpperCase(), aliases: {} });
  const relate = (from: string, to: string, type: Relation["type"] = "SUPPORTS") =>
    relations.push({ id: `${from}>${to}`, type, from, to, confidence: 1, inference: false, evidence: [] });

  for (const id of ["top", "at-cap", "over-cap", "spare-1", "spare-2", "hub"]) entity(id);
  for (let i = 0; i < FIRST_LAYER; i++) entity(firstLayerId(i));
  for (let j = 0; j < SECOND_LAYER; j++) entity(secondLayerId(j));
  for (let i = 0; i < FIRST_LAYER; i++) {
    relate("top", firstLayerId(i));
    for (let j = 0; j < SECOND_LAYER; j++) relate(firstLayerId(i), secondLayerId(j));
  }
  for (let j = 0; j < SECOND_LAYER; j++) {
    relate(secondLayerId(j), "at-cap");
    relate(secondLayerId(j), "over-cap");
  }
  relate("top", "spare-1");
  relate("spare-1", "spare-2");
  relate("spare-2", "over-cap");
  for (let i = 0; i < STAR_SIZE; i++) {
    entity(leafId(i));
    relate("hub", leafId(i), "MEMBER_OF");
  }
  return { info: { id: "dense", title: "Dense (generated)" }, file: "dense.yaml", sources: [], entities, relations };
}
