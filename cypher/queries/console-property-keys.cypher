// Purpose: the graph's property keys, for the Cypher console's completion (sent through POST /api/cypher).
// Params: none. Columns: propertyKey (string), one row per key.
CALL db.propertyKeys()
