// Purpose: candidate paths for GraphStore.paths, walking relations either way (direction 'any'): every path
// of the __GROUPS__ shortest lengths from one entity to another (SHORTEST k GROUPS; Neo4j never repeats a
// relationship on a path, the store drops paths that repeat an entity and ranks the rest with rankPaths). A
// relation may be walked when its type is one of __TYPES__ and it holds on $asOf by model/time.ts matchesTime: an
// event (date) from its day on, a standing fact from validFrom to validTo (either end open), an undated one always.
// __TYPES__ (alternation checked against the registry), __GROUPS__ and __MAX_HOPS__ (validated whole numbers) are
// filled by the store, never from input.
// At most $limit rows: the store asks for one more than its cap (path-ranking.ts MAX_PATH_CANDIDATES) and says the
// search was truncated when it gets it, since the shortest lengths between two hubs can hold millions of paths.
// Params: $from, $to (entity ids), $asOf (ISO date "YYYY-MM-DD", or null), $limit (rows at most).
// Columns: length, nodes (list of entity ids), relations (list of {id, confidence, element}: the relation's id,
// confidence and element id, for store-path-relations.cypher), in walking order. Only what ranking needs: on a
// dense graph the rows run into the thousands, and shipping whole relationships made the query six times slower.
MATCH p = SHORTEST __GROUPS__ GROUPS (:Entity {id: $from})
  (()-[r:__TYPES__]-()
    WHERE $asOf IS NULL OR (
      (coalesce(r.date, r.validFrom) IS NULL OR coalesce(r.date, r.validFrom) <= date($asOf))
      AND (r.date IS NOT NULL OR r.validTo IS NULL OR r.validTo >= date($asOf))
    )){1,__MAX_HOPS__}
  (:Entity {id: $to})
RETURN
  length(p) AS length,
  [n IN nodes(p) | n.id] AS nodes,
  [x IN relationships(p) | {id: x.id, confidence: x.confidence, element: elementId(x)}] AS relations
LIMIT $limit
