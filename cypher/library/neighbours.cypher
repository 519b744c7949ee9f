// Name: Neighbours of an entity
// Description: Every relation of one entity, either way, with the entity at the other end.
// Params: {"id": "china"}
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
RETURN e, r, other
ORDER BY type(r), other.name
LIMIT 200
