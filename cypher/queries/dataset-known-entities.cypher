// Purpose: which of these ids name an entity, for the entities a dataset's relations name but another dataset
// defines (the write path of accepted report claims checks them before writing).
// Params: $ids (list of distinct ids). Columns: id.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id
