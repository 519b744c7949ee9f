// Purpose: creates or updates relations of one type in a batch. __TYPE__ is a relation type checked against the
// registry. Params: $rows (list of {id, from, to, props}). Columns: written.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.props
RETURN count(r) AS written
