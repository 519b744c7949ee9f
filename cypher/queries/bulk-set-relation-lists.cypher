// Purpose: after a bulk import, sets the empty lists of relations of one type (neo4j-admin import stores no empty
// array), so they hold what the transactional loader stores. __TYPE__ is a relation type checked against the
// registry. Params: $rows (list of {id, props: {name: []}}). Columns: written.
UNWIND $rows AS row
MATCH ()-[r:__TYPE__ {id: row.id}]->()
SET r += row.props
RETURN count(r) AS written
