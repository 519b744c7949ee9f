// Purpose: entities by id for GraphStore.entities (POST /api/entities:batch), one index seek per id.
// Params: $ids (list of distinct ids). Columns: entity (node), degree (relations touching it in the whole graph),
// sorted by id. No row for an id that names no entity.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e AS entity, COUNT { (e)--() } AS degree
ORDER BY e.id
