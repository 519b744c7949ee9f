// Purpose: the relations a dataset holds that start at some entities (those of the buckets whose hash changed since
// the dataset's last complete load), with their content hash: the diff read of a partial reload, by the entity_id
// constraint and each entity's relationships instead of a scan of every relationship.
// Params: $froms (list of entity ids), $dataset. Columns: id, type, hash, from (the start entity's id).
UNWIND $froms AS from
MATCH (:Entity {id: from})-[r]->()
WHERE r.dataset = $dataset
RETURN r.id AS id, type(r) AS type, r.hash AS hash, from
