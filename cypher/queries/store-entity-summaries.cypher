// Purpose: which of some entity ids exist, with their kind and name (the ends of a path query).
// Params: $ids (list of entity ids). Columns: entity ({id, kind, name}).
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e {.id, .kind, .name} AS entity
