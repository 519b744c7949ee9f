// Purpose: the entities of GraphStore.graph: those of the given kinds and dataset, sorted by id, capped.
// Params: $kinds (list of kinds, or null for all), $dataset (dataset id, or null for all), $limit (integer; the
// store asks for one more than its cap to learn whether the cap cut).
// Columns: entity (node), degree (relations touching it in the whole graph).
MATCH (e:Entity)
WHERE ($kinds IS NULL OR e.kind IN $kinds)
  AND ($dataset IS NULL OR $dataset IN e.datasets)
WITH e
ORDER BY e.id
LIMIT $limit
RETURN e AS entity, COUNT { (e)--() } AS degree
