// Purpose: ids of the sources tagged with a dataset. Params: $dataset. Columns: id.
MATCH (s:Source)
WHERE $dataset IN s.datasets
RETURN s.id AS id
