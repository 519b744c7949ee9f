// Purpose: whether the database holds anything at all, before a bulk first load (neo4j-admin import only fills an
// empty database). Params: none. Columns: nodes (0 or 1: stops at the first node).
MATCH (n)
WITH n LIMIT 1
RETURN count(n) AS nodes
