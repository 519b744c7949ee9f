// Purpose: creates or updates sources in a batch and tags them with the dataset.
// Params: $rows (list of {id, props}), $dataset. Columns: created.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
WITH s, row, s.hash IS NULL AS isNew
SET s += row.props
SET s.datasets = CASE WHEN $dataset IN coalesce(s.datasets, []) THEN s.datasets ELSE coalesce(s.datasets, []) + $dataset END
RETURN count(CASE WHEN isNew THEN 1 END) AS created
