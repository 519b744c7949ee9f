// Purpose: what the database already holds of the entities a dataset names, so the loader writes only what changed.
// Params: $ids (list of entity ids), $dataset (dataset id).
// Columns: id, hash, kind, tagged (true when the entity is already tagged with $dataset).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.hash AS hash, e.kind AS kind, $dataset IN coalesce(e.datasets, []) AS tagged
