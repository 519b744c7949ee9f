// Purpose: after a bulk import, sets a list property to [] on every source that lacks it (neo4j-admin import stores
// no empty array), for a list no source leaves null. Runs in an auto-commit transaction (IN TRANSACTIONS).
// Params: $key (the property), $props ({key: []}). Columns: none.
MATCH (s:Source)
WHERE s[$key] IS NULL
CALL (s) { SET s += $props } IN TRANSACTIONS OF 10000 ROWS
