// Purpose: every source tagged with a dataset, to read the dataset back before adding to it.
// Params: $dataset. Columns: source (node), sorted by id.
MATCH (s:Source)
WHERE $dataset IN s.datasets
RETURN s AS source
ORDER BY s.id
