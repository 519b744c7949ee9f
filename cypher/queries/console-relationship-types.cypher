// Purpose: the graph's relationship types, for the Cypher console's completion (sent through POST /api/cypher).
// Params: none. Columns: relationshipType (string), one row per type.
CALL db.relationshipTypes()
