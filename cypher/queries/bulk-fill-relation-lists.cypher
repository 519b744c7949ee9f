// Purpose: after a bulk import, sets a list property to [] on every relation of one type that lacks it (neo4j-admin
// import stores no empty array), for a list no relation leaves null. __TYPE__ is a relation type checked against the
// registry. Runs in an auto-commit transaction (IN TRANSACTIONS). Params: $key (the property), $props ({key: []}).
// Columns: none.
MATCH ()-[r:__TYPE__]->()
WHERE r[$key] IS NULL
CALL (r) { SET r += $props } IN TRANSACTIONS OF 10000 ROWS
