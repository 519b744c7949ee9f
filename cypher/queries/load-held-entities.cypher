// Purpose: the entities a load names that the database already holds, with the datasets that define them, so the
// loader can refuse a dataset that would redefine another's entity before writing anything (dataset-ownership).
// Params: $ids (list of entity ids). Columns: entity (node).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e AS entity
