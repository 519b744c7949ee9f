// Purpose: what the database holds of relations of one type a merge-mode load (a feed) names, so the loader merges
// event tallies by event id and writes only what changed. __TYPE__ is checked against the registry.
// Params: $ids. Columns: id, props (every property of the relationship).
UNWIND $ids AS id
MATCH ()-[r:__TYPE__ {id: id}]->()
RETURN r.id AS id, properties(r) AS props
