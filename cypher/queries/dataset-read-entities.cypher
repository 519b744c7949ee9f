// Purpose: every entity tagged with a dataset, to read the dataset back before adding to it (the write path of
// accepted report claims, neo4j-dataset-sink.ts).
// Params: $dataset. Columns: entity (node), sorted by id.
MATCH (e:Entity)
WHERE $dataset IN e.datasets
RETURN e AS entity
ORDER BY e.id
