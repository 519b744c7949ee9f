// Purpose: what the database already holds of the sources a dataset names.
// Params: $ids, $dataset. Columns: id, hash, tagged.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.hash AS hash, $dataset IN coalesce(s.datasets, []) AS tagged
