// Purpose: after a bulk import, sets a list property to [] on every entity that lacks it (neo4j-admin import stores
// no empty array), for a list no entity leaves null. Runs in an auto-commit transaction (IN TRANSACTIONS).
// Params: $key (the property), $props ({key: []}). Columns: none.
MATCH (e:Entity)
WHERE e[$key] IS NULL
CALL (e) { SET e += $props } IN TRANSACTIONS OF 10000 ROWS
