// Purpose: after a bulk import, sets the empty lists of sources (neo4j-admin import stores no empty array), so they
// hold what the transactional loader stores. Params: $rows (list of {id, props: {name: []}}). Columns: written.
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s += row.props
RETURN count(s) AS written
