// Purpose: after a bulk import, sets the empty lists of entities (neo4j-admin import stores no empty array), so they
// hold what the transactional loader stores. Params: $rows (list of {id, props: {name: []}}). Columns: written.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.props
RETURN count(e) AS written
