// Purpose: writes relations of one type that the loader's diff read found new: MATCH of both ends by the entity_id
// constraint, then CREATE (no MERGE: nothing to look up). A row whose id turns out to exist already fails the
// per-type id constraint and the loader writes that batch again with load-merge-relations. __TYPE__ is a relation
// type checked against the registry. Params: $rows (list of {id, from, to, props}; props without nulls).
// Columns: written.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.props
RETURN count(r) AS written
