// Purpose: creates or updates relations of one type in a batch with MERGE on the id (the loader's "merge" strategy,
// and its fallback when a batch of load-create-relations meets an id that exists). __TYPE__ is a relation type
// checked against the registry. Params: $rows (list of {id, from, to, props}; props without nulls, replacing every
// property). Columns: written.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r = row.props, r.id = row.id
RETURN count(r) AS written
