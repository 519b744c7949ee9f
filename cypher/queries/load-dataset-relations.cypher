// Purpose: the relations a dataset holds now, with their content hash, so the loader writes only what changed.
// Params: $dataset. Columns: id, type, hash.
MATCH ()-[r]->()
WHERE r.dataset = $dataset
RETURN r.id AS id, type(r) AS type, r.hash AS hash
