// Purpose: ids of the entities tagged with a dataset, to find the ones its file no longer lists.
// Params: $dataset. Columns: id.
MATCH (e:Entity)
WHERE $dataset IN e.datasets
RETURN e.id AS id
