// Purpose: the graph's node labels, for the Cypher console's completion (sent through the guarded POST /api/cypher).
// Params: none. Columns: label (string), one row per label.
CALL db.labels()
