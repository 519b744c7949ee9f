// Purpose: every relation of a dataset with the ids of its ends, to read the dataset back before adding to it.
// Params: $dataset. Columns: relation (relationship), from, to (entity ids), sorted by relation id.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.dataset = $dataset
RETURN r AS relation, a.id AS from, b.id AS to
ORDER BY r.id
