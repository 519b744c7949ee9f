// The HTTP API as typed functions, one per route. Responses are the shapes in src/model/api.ts; errors become
// ApiError (the server answered) or NetworkError (it did not). Every call takes an AbortSignal.

import type {
  EntityDetail,
  Neighbourhood,
  PathResult,
  RelationDetail,
  RelationType,
  SearchHit,
  Subgraph,
  Summary,
} from "../../model/index.ts";
import { NetworkError, errorFromResponse } from "./errors.ts";
import { pathQueryParams, type PathQuery } from "../state/path-query.ts";

export interface Health {
  store: "memory" | "neo4j";
  version?: string;
  entities: number;
  relations: number;
}

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

const enc = encodeURIComponent;

export const api = {
  health: (signal?: AbortSignal) => get<Health>("/api/health", signal),
  summary: (signal?: AbortSignal) => get<Summary>("/api/summary", signal),
  graph: (params: { limit: number; dataset?: string }, signal?: AbortSignal) =>
    get<Subgraph>(`/api/graph${query(params)}`, signal),
  search: (q: string, limit: number, signal?: AbortSignal) =>
    get<{ hits: SearchHit[] }>(`/api/search${query({ q, limit })}`, signal),
  entity: (id: string, signal?: AbortSignal) => get<EntityDetail>(`/api/entities/${enc(id)}`, signal),
  relation: (id: string, signal?: AbortSignal) => get<RelationDetail>(`/api/relations/${enc(id)}`, signal),
  neighbours: (id: string, options: { types?: readonly RelationType[]; limit: number }, signal?: AbortSignal) =>
    get<Neighbourhood>(
      `/api/entities/${enc(id)}/neighbours${query({ types: options.types?.join(","), direction: "both", limit: options.limit })}`,
      signal,
    ),
  paths: (q: PathQuery & { from: string; to: string }, asOf: string | undefined, signal?: AbortSignal) =>
    get<{ paths: PathResult[] }>(`/api/paths?${pathQueryParams(q, asOf)}`, signal),
};
